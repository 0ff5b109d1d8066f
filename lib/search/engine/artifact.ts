// Turns a built Orama instance into an artifact Buffer and back. Orama's own save() gives the raw
// data; the heavy parts (radix trees, term frequencies, documents) get columnar or JSON sections
// and the rest (sorter, numeric/geo/bool trees, vectors: small or already array-shaped) is v8.
import { create, load, save, type AnyOrama, type RawData } from "@orama/orama";
import { ContainerReader, ContainerWriter } from "./container";
import { DEFAULT_TOKEN_MAX_LENGTH, engineIndex, engineTokenizer } from "./orama-patch";
import { readFrequencies, readRadix, writeFrequencies, writeRadix } from "./tree-codec";
import type { OramaSchema } from "./types";

type Loose = Record<string, unknown>;
type RawIndex = {
  indexes: Record<string, { type: string; node: unknown; isArray: boolean }>;
  frequencies: Record<string, unknown>;
};

export type EngineOptions = { tokenMaxLength?: number };

/** An Orama instance with the engine's tokenizer and index component (orama-patch.ts). */
export function createEngineDb(schema: OramaSchema, opts: EngineOptions = {}): AnyOrama {
  const components = { tokenizer: engineTokenizer(opts.tokenMaxLength), index: engineIndex() };
  return create({ schema: schema as never, components: components as never }) as AnyOrama;
}

/** save(), minus Orama's JSON of the radix trees: recursive (one frame per tree level) and unused here. */
function saveWithoutRadix(db: AnyOrama) {
  const live = (db.data.index as unknown as RawIndex).indexes;
  const swapped = Object.entries(live).filter(([, idx]) => idx.type === "Radix").map(([prop, idx]) => [prop, idx.node] as const);
  for (const [prop] of swapped) live[prop].node = { toJSON: () => null };
  try {
    return save(db) as unknown as Loose & { index: RawIndex; docs: { docs: Record<string, unknown>; count: number } };
  } finally {
    for (const [prop, node] of swapped) live[prop].node = node;
  }
}

export function encodeDb(schema: OramaSchema, db: AnyOrama, opts: EngineOptions = {}): Buffer {
  const raw = saveWithoutRadix(db);
  const w = new ContainerWriter();
  const radixProps: string[] = [];
  const indexes: RawIndex["indexes"] = {};
  for (const [prop, idx] of Object.entries(raw.index.indexes)) {
    if (idx.type !== "Radix") {
      indexes[prop] = idx;
      continue;
    }
    radixProps.push(prop);
    const live = db.data.index as unknown as RawIndex;
    writeRadix(w, `radix.${prop}`, live.indexes[prop].node as never, live.frequencies[prop] as never);
    indexes[prop] = { type: "Radix", node: null, isArray: idx.isArray };
  }
  const freqProps = Object.keys(raw.index.frequencies);
  for (const prop of freqProps) writeFrequencies(w, `freq.${prop}`, raw.index.frequencies[prop] as never);

  const docIds = Object.keys(raw.docs.docs);
  w.typed("docs.ids", "i32", Int32Array.from(docIds, Number));
  w.json("docs.values", docIds.map((k) => raw.docs.docs[k]));

  // The sorter (per sortable property, every document's value) is only used by sortBy: decoded lazily.
  w.v8("sorting", raw.sorting);
  const rest = { ...raw, index: { ...raw.index, indexes, frequencies: {} }, docs: { docs: {}, count: raw.docs.count }, sorting: { enabled: false } };
  w.v8("rest", rest);
  const tokenMaxLength = opts.tokenMaxLength ?? DEFAULT_TOKEN_MAX_LENGTH;
  return w.finish({ schema, radixProps, freqProps, docs: raw.docs.count, tokenMaxLength });
}

/** tokenMaxLength: the cut the index was built with, so searches cut terms the same way (absent before it existed). */
export type ArtifactMeta = { schema: OramaSchema; radixProps: string[]; freqProps: string[]; docs: number; tokenMaxLength?: number };

/** Reads only the manifest: cheap, for callers that want the schema or document count. */
export function readArtifactMeta(buf: Buffer): ArtifactMeta {
  return new ContainerReader(buf).meta as ArtifactMeta;
}

/** Milliseconds per decode step, for the bench. */
export type DecodeTimings = Record<string, number>;

/** Replaces obj[key] with a getter that computes the value on first read (or takes a write). */
function lazy(obj: object, key: string, compute: () => unknown): void {
  const settle = (value: unknown) => {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(obj, key, { get: () => settle(compute()), set: settle, enumerable: true, configurable: true });
}

export function decodeArtifact(buf: Buffer, timings?: DecodeTimings): AnyOrama {
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    if (timings) timings[name] = (timings[name] ?? 0) + now - t;
    t = now;
  };
  const r = new ContainerReader(buf);
  const meta = r.meta as ArtifactMeta;
  const rest = r.v8<Loose & { index: RawIndex; docs: { docs: Record<number, unknown> }; sorting: unknown }>("rest");
  step("rest (v8)");

  const ids = r.typed("docs.ids", "i32");
  const values = r.json<unknown[]>("docs.values");
  const docs: Record<number, unknown> = {};
  for (let i = 0; i < ids.length; i++) docs[ids[i]] = values[i];
  rest.docs.docs = docs;
  step("docs (json)");

  // Orama's load() rebuilds trees from JSON; give radix props an empty tree and swap in ours after.
  for (const prop of meta.radixProps) rest.index.indexes[prop].node = { w: "", s: "", e: false, k: "", d: [], c: [] };
  const lazySorting = r.has("sorting");
  const db = createEngineDb(meta.schema, { tokenMaxLength: meta.tokenMaxLength });
  load(db, rest as unknown as RawData);
  step("orama load");
  const live = db.data.index as unknown as RawIndex;
  for (const prop of meta.radixProps) live.indexes[prop].node = readRadix(r, `radix.${prop}`);
  step("radix");

  // Term frequencies as Orama's objects are only read by Orama's own search path and save(): the
  // fast path reads the tf column stored with the radix postings. Build them on first use; copy
  // the sections now so the artifact buffer need not outlive this call.
  const sections = meta.freqProps.map((prop) => [prop, r.copySections(`freq.${prop}.`)] as const);
  for (const [prop, copy] of sections) lazy(live.frequencies, prop, () => readFrequencies(copy, `freq.${prop}`));
  if (lazySorting) {
    const bytes = r.copySections("sorting");
    const data = db.data as unknown as Loose;
    lazy(data, "sorting", () => db.sorter.load(db.internalDocumentIDStore, bytes.v8("sorting")));
  }
  step("lazy sections");
  return db;
}
