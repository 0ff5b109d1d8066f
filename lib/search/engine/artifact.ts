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
  const filters: RawIndex["indexes"] = {};
  const live = db.data.index as unknown as RawIndex & SharedInputs;
  const docsCount = raw.docs.count;
  for (const [prop, idx] of Object.entries(raw.index.indexes)) {
    if (idx.type !== "Radix") {
      // The filter trees (numbers, enums, booleans, geopoints) go to their own section, which the
      // shared fast path decodes on its first `where` without the rest of Orama's data.
      filters[prop] = idx;
      indexes[prop] = { type: idx.type, node: null, isArray: idx.isArray };
      continue;
    }
    radixProps.push(prop);
    const stats = { occurrences: live.tokenOccurrences[prop] ?? {}, lengths: live.fieldLengths[prop] ?? {}, avg: live.avgFieldLength[prop], docsCount };
    writeRadix(w, `radix.${prop}`, live.indexes[prop].node as never, live.frequencies[prop] as never, stats);
    indexes[prop] = { type: "Radix", node: null, isArray: idx.isArray };
  }
  const freqProps = Object.keys(raw.index.frequencies);
  for (const prop of freqProps) writeFrequencies(w, `freq.${prop}`, raw.index.frequencies[prop] as never);
  w.v8("filters", filters);

  const idToExternal = (db as unknown as { internalDocumentIDStore: { internalIdToId: string[] } }).internalDocumentIDStore.internalIdToId;
  const shared = writeSharedDocs(w, schema, db, raw.docs.docs, idToExternal);
  for (const prop of radixProps) w.typed(`len.${prop}`, "f64", lengthColumn(live.fieldLengths[prop] ?? {}, idToExternal.length + 1));

  // The sorter (per sortable property, every document's value) is only used by sortBy: decoded lazily.
  w.v8("sorting", raw.sorting);
  const rest = { ...raw, index: { ...raw.index, indexes, frequencies: {} }, docs: { docs: {}, count: raw.docs.count }, sorting: { enabled: false } };
  w.v8("rest", rest);
  const tokenMaxLength = opts.tokenMaxLength ?? DEFAULT_TOKEN_MAX_LENGTH;
  const pinning = (raw.pinning as { rules?: unknown[] } | undefined)?.rules?.length ?? 0;
  const avg: Record<string, number> = {};
  for (const prop of radixProps) avg[prop] = live.avgFieldLength[prop];
  const sharedMeta: SharedMeta = { idCount: idToExternal.length, avg, pinning, facets: shared.facets };
  return w.finish({ schema, radixProps, freqProps, docs: raw.docs.count, tokenMaxLength, shared: sharedMeta });
}

type SharedInputs = { tokenOccurrences: Record<string, Record<string, unknown>>; fieldLengths: Record<string, Record<number, number>>; avgFieldLength: Record<string, number> };

/**
 * What the shared fast path (shared-index.ts) needs beyond the sections: absent in artifacts written
 * before it existed, which a search thread then converts once (decode + encode) on load.
 */
export type SharedMeta = {
  /** internalIdToId.length: internal ids run 1..idCount. */
  idCount: number;
  /** avgFieldLength per radix property. */
  avg: Record<string, number>;
  /** Pinning rules in the index (the fast path declines if any). */
  pinning: number;
  /** Facet columns: `num` (Number(value) per internal id) or `str` (dictionary index of value?.toString(), -1 = none). */
  facets: Record<string, "num" | "str">;
};

/** A string facet column is kept only up to this many distinct values (else facets read the documents). */
const MAX_FACET_DICT = (docs: number) => Math.max(1024, docs >> 3);

/**
 * Documents: `docs.values` stays one JSON array (Orama's load reads it whole), with each document's
 * byte span in `docs.span` and its position by internal id in `docs.pos`, so a thread can parse one
 * document in place; external ids as UTF-8 in `ids.text` with offsets in `ids.off`; facet columns.
 */
function writeSharedDocs(w: ContainerWriter, schema: OramaSchema, db: AnyOrama, docs: Record<string, unknown>, idToExternal: string[]): { facets: SharedMeta["facets"] } {
  const keys = Object.keys(docs);
  const parts = keys.map((k) => JSON.stringify(docs[k]) ?? "null");
  const span = new Uint32Array(keys.length * 2);
  let at = 1;
  for (let i = 0; i < parts.length; i++) {
    const len = Buffer.byteLength(parts[i]);
    span[i * 2] = at;
    span[i * 2 + 1] = at + len;
    at += len + 1;
  }
  w.raw("docs.values", "json", Buffer.from(`[${parts.join(",")}]`, "utf8"));
  w.typed("docs.ids", "i32", Int32Array.from(keys, Number));
  w.typed("docs.span", "u32", span);
  const pos = new Int32Array(idToExternal.length + 1).fill(-1);
  keys.forEach((k, i) => {
    const id = Number(k);
    if (id >= 0 && id < pos.length) pos[id] = i;
  });
  w.typed("docs.pos", "i32", pos);

  const idBytes = idToExternal.map((id) => Buffer.from(String(id), "utf8"));
  const off = new Uint32Array(idBytes.length + 1);
  for (let i = 0; i < idBytes.length; i++) off[i + 1] = off[i] + idBytes[i].length;
  w.raw("ids.text", "bytes", Buffer.concat(idBytes));
  w.typed("ids.off", "u32", off);

  const types = db.index.getSearchablePropertiesWithTypes(db.data.index) as Record<string, string>;
  const facets: SharedMeta["facets"] = {};
  for (const [prop, type] of Object.entries(types)) {
    if (prop.includes(".") || !["enum", "string", "boolean", "number"].includes(type) || !(prop in schema)) continue;
    if (type === "number") {
      // Orama compares the raw value with range bounds: `v >= from` is `Number(v) >= from` for JSON values.
      const col = new Float64Array(idToExternal.length + 1).fill(NaN);
      for (const k of keys) col[Number(k)] = Number((docs[k] as Record<string, unknown>)?.[prop]);
      w.typed(`facet.${prop}.num`, "f64", col);
      facets[prop] = "num";
      continue;
    }
    const dict = new Map<string, number>();
    const col = new Int32Array(idToExternal.length + 1).fill(-1);
    let fits = true;
    for (const k of keys) {
      const value = ((docs[k] as Record<string, unknown>)?.[prop] as { toString(): string } | null | undefined)?.toString();
      if (value === undefined) continue;
      let idx = dict.get(value);
      if (idx === undefined) dict.set(value, (idx = dict.size));
      if (dict.size > MAX_FACET_DICT(keys.length)) {
        fits = false;
        break;
      }
      col[Number(k)] = idx;
    }
    if (!fits) continue;
    w.typed(`facet.${prop}.str`, "i32", col);
    w.json(`facet.${prop}.dict`, [...dict.keys()]);
    facets[prop] = "str";
  }
  return { facets };
}

/** fieldLengths[prop] by internal id (NaN where Orama has none: BM25 then gives NaN either way). */
function lengthColumn(lengths: Record<number, number>, size: number): Float64Array {
  const col = new Float64Array(size).fill(NaN);
  for (const k of Object.keys(lengths)) {
    const id = Number(k);
    if (id >= 0 && id < size) col[id] = lengths[id];
  }
  return col;
}

/** tokenMaxLength: the cut the index was built with, so searches cut terms the same way (absent before it existed). */
export type ArtifactMeta = { schema: OramaSchema; radixProps: string[]; freqProps: string[]; docs: number; tokenMaxLength?: number; shared?: SharedMeta };

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
  if (r.has("filters")) {
    const filters = r.v8<RawIndex["indexes"]>("filters");
    for (const prop of Object.keys(filters)) rest.index.indexes[prop] = filters[prop];
  }
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
