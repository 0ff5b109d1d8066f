// A loaded version as every search thread holds it: typed arrays over the one SharedArrayBuffer the
// pool keeps per key (read in place, never copied per thread), plus what is small and per thread
// (an empty Orama instance of the schema for its tokenizer and property lists, the fast path's
// scratch arrays). Orama's own structures are decoded from the same buffer only when something
// needs them: the filter trees on the first `where`, the whole instance (decodeArtifact) on the
// first query the shared fast path does not cover (typo tolerance, sortBy, groupBy, vectors, …).
import type { AnyOrama } from "@orama/orama";
import { createEngineDb, decodeArtifact, type ArtifactMeta, type SharedMeta } from "./artifact";
import { ContainerReader } from "./container";

/** One radix property's columns (see tree-codec.ts writeSharedRadix). */
export type SharedRadix = {
  /** Per node: [children, end, postings] (3 entries). */
  meta: Uint32Array;
  key: Uint16Array;
  chars: Uint16Array;
  loff: Uint32Array;
  skip: Uint32Array;
  dstart: Uint32Array;
  occ: Float64Array;
  ikey: Float64Array;
  /** Per posting. */
  ids: Int32Array;
  tf: Float64Array;
  bm25: Float64Array;
  /** fieldLengths[prop] by internal id. */
  lengths: Float64Array;
  avg: number;
};

export type SharedFacet = { kind: "num"; num: Float64Array } | { kind: "str"; str: Int32Array; dict: string[] };

export class SharedIndex {
  readonly meta: ArtifactMeta & { shared: SharedMeta };
  /** An empty instance of the schema: tokenizer, searchable properties and types, elapsed formatting. */
  readonly empty: AnyOrama;
  readonly radix = new Map<string, SharedRadix>();
  readonly docsCount: number;
  private readonly reader: ContainerReader;
  private readonly docBytes: Buffer;
  private readonly span: Uint32Array;
  private readonly pos: Int32Array;
  private readonly idText: Buffer;
  private readonly idOff: Uint32Array;
  private readonly facetCols = new Map<string, SharedFacet | null>();
  private full: AnyOrama | undefined;
  private filterIndex: unknown;

  /** null if the artifact predates the shared sections (convert it: decodeArtifact + encodeDb). */
  static open(buf: Buffer): SharedIndex | null {
    const r = new ContainerReader(buf);
    const meta = r.meta as ArtifactMeta;
    if (!meta.shared || !r.has("docs.span")) return null;
    return new SharedIndex(buf, r, meta as ArtifactMeta & { shared: SharedMeta });
  }

  private constructor(
    private readonly buf: Buffer,
    r: ContainerReader,
    meta: ArtifactMeta & { shared: SharedMeta },
  ) {
    this.reader = r;
    this.meta = meta;
    this.docsCount = meta.docs;
    this.empty = createEngineDb(meta.schema, { tokenMaxLength: meta.tokenMaxLength });
    for (const prop of meta.radixProps) {
      const n = `radix.${prop}`;
      this.radix.set(prop, {
        meta: r.view(`${n}.meta`, "u32"),
        key: r.view(`${n}.key`, "u16"),
        chars: r.view(`${n}.chars`, "u16"),
        loff: r.view(`${n}.loff`, "u32"),
        skip: r.view(`${n}.skip`, "u32"),
        dstart: r.view(`${n}.dstart`, "u32"),
        occ: r.view(`${n}.occ`, "f64"),
        ikey: r.view(`${n}.ikey`, "f64"),
        ids: r.view(`${n}.docs`, "i32"),
        tf: r.view(`${n}.tf`, "f64"),
        bm25: r.view(`${n}.bm25`, "f64"),
        lengths: r.view(`len.${prop}`, "f64"),
        avg: meta.shared.avg[prop],
      });
    }
    this.docBytes = r.section("docs.values");
    this.span = r.view("docs.span", "u32");
    this.pos = r.view("docs.pos", "i32");
    this.idText = r.section("ids.text");
    this.idOff = r.view("ids.off", "u32");
  }

  /** internalIdToId.length + 1: the size of arrays indexed by internal id. */
  get idSpace(): number {
    return this.meta.shared.idCount + 1;
  }

  /** The external id of an internal id (Orama: internalIdToId[id - 1]). */
  externalId(id: number): string {
    return this.idText.toString("utf8", this.idOff[id - 1], this.idOff[id]);
  }

  /** The stored document of an internal id, parsed from its JSON in place. */
  document(id: number): Record<string, unknown> {
    const p = id >= 0 && id < this.pos.length ? this.pos[id] : -1;
    if (p < 0) return undefined as never;
    return JSON.parse(this.docBytes.toString("utf8", this.span[p * 2], this.span[p * 2 + 1])) as Record<string, unknown>;
  }

  /** A top-level facet column, or null (facets then read the documents). */
  facet(prop: string): SharedFacet | null {
    let col = this.facetCols.get(prop);
    if (col === undefined) {
      const kind = this.meta.shared.facets[prop];
      if (kind === "num") col = { kind, num: this.reader.view(`facet.${prop}.num`, "f64") };
      else if (kind === "str") col = { kind, str: this.reader.view(`facet.${prop}.str`, "i32"), dict: this.reader.json<string[]>(`facet.${prop}.dict`) };
      else col = null;
      this.facetCols.set(prop, col);
    }
    return col;
  }

  /** The filter trees only (Orama's index component over them), decoded on the first `where`. */
  filters(): unknown {
    if (this.filterIndex === undefined) {
      const indexes = this.reader.v8<Record<string, unknown>>("filters");
      const store = { internalIdToId: { length: this.meta.shared.idCount } };
      const raw = { indexes, vectorIndexes: {}, searchableProperties: [], searchablePropertiesWithTypes: {}, frequencies: {}, tokenOccurrences: {}, avgFieldLength: {}, fieldLengths: {} };
      this.filterIndex = this.empty.index.load(store as never, raw as never);
    }
    return this.filterIndex;
  }

  /** Names of the properties that have filter trees (non-string indexes). */
  filterProps(): Set<string> {
    const types = this.empty.index.getSearchablePropertiesWithTypes(this.empty.data.index) as Record<string, string>;
    return new Set(Object.keys(types).filter((p) => !this.radix.has(p) && !types[p].startsWith("vector")));
  }

  /** Whether Orama's whole instance has been decoded in this thread. */
  get hasOrama(): boolean {
    return this.full !== undefined;
  }

  /** When Orama's instance was last asked for (ms since the epoch), 0 if never. */
  lastOramaUse = 0;

  /** Orama's whole instance, decoded from the shared buffer on first use (seconds for a large index). */
  orama(onDecode?: (phase: "start" | "end") => void): AnyOrama {
    this.lastOramaUse = Date.now();
    if (!this.full) {
      onDecode?.("start");
      try {
        this.full = decodeArtifact(this.buf);
      } finally {
        onDecode?.("end");
      }
    }
    return this.full;
  }

  /** Drops Orama's instance (it is rebuilt on the next query that needs it). */
  releaseOrama(): void {
    this.full = undefined;
  }
}
