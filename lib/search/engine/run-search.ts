// Runs one search against a loaded Orama instance, in whichever thread holds it. Checks what the
// zod contract cannot know on its own: vector/hybrid modes need a vector to compare against.
import { search, type AnyOrama } from "@orama/orama";
import type { SearchParamsInput } from "../../contracts/search";
import { fastSearch } from "./fast-search";
import { SharedIndex } from "./shared-index";
import { sharedFastSearch } from "./shared-search";
import type { SearchResult } from "./types";

/** A search the caller got wrong (bad mode/vector, unknown property, bad filter): a 400, not a 500. */
export class SearchQueryError extends Error {
  constructor(
    message: string,
    readonly code = "invalid_search",
  ) {
    super(message);
    this.name = "SearchQueryError";
  }
  // By name, as the pool's errors (pool-protocol.ts): another bundle's copy of this class counts too.
  static [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === "SearchQueryError";
  }
}

export type RunSearchOptions = {
  /** Use the typed-array fast path where it applies (default true); false runs Orama's own search. */
  fast?: boolean;
  /** Called before and after a SharedIndex decodes Orama's instance for this search (the first that needs it). */
  onDecode?: (phase: "start" | "end") => void;
};

/**
 * `target`: an Orama instance, or a SharedIndex (a search thread's view of a shared artifact), whose
 * own fast path answers what it covers and whose Orama instance, decoded on first need, the rest.
 */
export function runSearch(target: AnyOrama | SharedIndex, params: SearchParamsInput, opts: RunSearchOptions = {}): SearchResult {
  const mode = params.mode ?? "fulltext";
  if (mode !== "fulltext" && !params.vector) {
    throw new SearchQueryError(`mode "${mode}" needs \`vector\` ({ value: number[], property }); only fulltext works from \`term\` alone`, "vector_required");
  }
  if (mode === "fulltext" && (params.vector || params.similarity !== undefined || params.hybridWeights)) {
    throw new SearchQueryError('`vector`, `similarity` and `hybridWeights` only apply with mode "vector" or "hybrid"', "vector_unused");
  }
  // includeVectors: Orama 3.1.18 strips vectors from hits by writing null into the *stored*
  // document (utils.removeVectorsFromHits reduces onto result.document), so every later hit and
  // save() lose them. Ask for vectors and null them on copies instead: same output, no mutation.
  const orama = { ...params, mode, includeVectors: true };
  try {
    if (target instanceof SharedIndex) {
      const shared = opts.fast === false ? null : sharedFastSearch(target, orama as SearchParamsInput);
      if (shared) return withoutVectors(shared, Object.keys(target.empty.data.index.vectorIndexes));
    }
    const db = target instanceof SharedIndex ? target.orama(opts.onDecode) : target;
    // Same results as Orama's search (tested), or null when the query is outside what it covers.
    const fast = opts.fast === false ? null : fastSearch(db, orama as SearchParamsInput);
    if (fast) return withoutVectors(fast, Object.keys(db.data.index.vectorIndexes));
    // Every Orama search is synchronous for the default components; search() may still return a promise.
    const result = search(withArrayFacetDefaults(db, params), orama as never) as unknown;
    if (result instanceof Promise) throw new Error("an asynchronous Orama component is not supported here");
    return withoutVectors(result as SearchResult, Object.keys(db.data.index.vectorIndexes));
  } catch (err) {
    // Orama's own errors carry a `code` (UNKNOWN_INDEX, INVALID_FILTER_OPERATION, …): the query was bad.
    const code = (err as { code?: string }).code;
    if (code) throw new SearchQueryError((err as Error).message, code.toLowerCase());
    // Parameters are checked against the schema before they get here (lib/search/validate-params.ts);
    // what Orama still throws (a TypeError on data it does not expect) is this query on this data,
    // answered 400 rather than 500, and logged so a gap in the checks shows.
    console.warn("[indexhook] search failed inside the engine", (err as Error)?.stack ?? err);
    throw new SearchQueryError(`The search engine could not run this search: ${(err as Error)?.message ?? String(err)}`, "engine_error");
  }
}

function withoutVectors(result: SearchResult, vectorProps: string[]): SearchResult {
  if (vectorProps.length === 0) return result;
  const strip = (doc: Record<string, unknown>) => {
    const out = { ...doc };
    for (const prop of vectorProps) {
      const path = prop.split(".");
      const last = path.pop()!;
      let obj = out;
      // Copy each nested level on the way down so the stored document stays untouched.
      for (const key of path) obj = obj[key] = { ...((obj[key] as Record<string, unknown>) ?? {}) };
      obj[last] = null;
    }
    return out;
  };
  const hits = result.hits.map((h) => ({ ...h, document: strip(h.document) }));
  const groups = result.groups?.map((g) => ({ ...g, result: g.result.map((h) => ({ ...h, document: strip(h.document) })) }));
  return { ...result, hits, ...(groups ? { groups } : {}) };
}

type Doc = Record<string, unknown>;

/**
 * Orama's facets.js iterates the value of an array facet (string[], enum[], number[], boolean[]) and
 * throws a TypeError on a matched document without it. Hand its facet code copies of those documents
 * with an empty list there, non-enumerable so that nothing else (groups' documents, JSON, the copy to
 * the caller's thread) sees it. Same counts as if the property were an empty list.
 */
function withArrayFacetDefaults(db: AnyOrama, params: SearchParamsInput): AnyOrama {
  if (!params.facets) return db;
  const types = db.index.getSearchablePropertiesWithTypes(db.data.index) as Record<string, string>;
  const arrays = Object.keys(params.facets).filter((f) => types[f]?.endsWith("[]"));
  if (arrays.length === 0) return db;
  const store = db.documentsStore;
  const getMultiple: typeof store.getMultiple = (docs, ids) => store.getMultiple(docs, ids).map((doc) => (doc ? withEmptyLists(doc as Doc, arrays) : doc)) as never;
  // Everything else (data, index, caches, sorter) is read through the prototype: the same instance.
  return Object.assign(Object.create(db) as AnyOrama, { documentsStore: { ...store, getMultiple } });
}

function withEmptyLists(doc: Doc, paths: string[]): Doc {
  let out = doc;
  for (const path of paths) {
    const keys = path.split(".");
    const value = keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Doc)[k] : undefined), out);
    if (Array.isArray(value)) continue;
    if (out === doc) out = { ...doc };
    let obj = out;
    for (const key of keys.slice(0, -1)) {
      const next = obj[key];
      const copy: Doc = next && typeof next === "object" ? { ...(next as Doc) } : {};
      Object.defineProperty(obj, key, { value: copy, enumerable: !!next && typeof next === "object", configurable: true, writable: true });
      obj = copy;
    }
    Object.defineProperty(obj, keys[keys.length - 1], { value: [], enumerable: false, configurable: true, writable: true });
  }
  return out;
}
