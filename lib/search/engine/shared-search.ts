// The fast path of fast-search.ts over a SharedIndex: the same phases, the same order of additions
// per document (property → token → expanded word → posting), so the same floats bit for bit, but
// reading the shared columns in place — radix nodes, postings, tf, BM25 at default relevance (computed
// once at encode time, the value fast-search.ts computes per thread), field lengths, facet columns —
// instead of Orama's objects. Declines (null) whatever fast-search.ts declines, plus typo tolerance
// and filters on string properties: those run on Orama's instance, which the caller then decodes.
import { getNanosecondsTime } from "@orama/orama/internals";
import type { SearchParamsInput } from "../../contracts/search";
import { bm25, type Relevance } from "./bm25";
import { facets, rankOrder, topK, type FacetConfig, type FacetValues } from "./fast-search";
import { canonicalJson } from "./result-cache";
import type { SharedIndex, SharedRadix } from "./shared-index";
import type { SearchResult } from "./types";

type State = {
  scores: Float64Array;
  stamp: Uint32Array;
  generation: number;
  matched: Int32Array;
  where: Map<string, Uint8Array>;
};
const WHERE_CACHE = 32;
const states = new WeakMap<SharedIndex, State>();
const FACET_TYPES = new Set(["enum", "string", "boolean", "number"]);

function stateFor(ix: SharedIndex): State {
  let s = states.get(ix);
  if (!s) {
    const size = ix.idSpace;
    s = { scores: new Float64Array(size), stamp: new Uint32Array(size), generation: 0, matched: new Int32Array(size), where: new Map() };
    states.set(ix, s);
  }
  return s;
}

type Plan = {
  props: string[];
  boost: Record<string, number>;
  tokens: string[];
  where: Record<string, unknown> | undefined;
  relevance: Relevance;
  cacheable: boolean;
  offset: number;
  limit: number;
  facets: { config: Record<string, FacetConfig>; keys: string[]; types: Record<string, string> } | undefined;
};

export function sharedFastSearch(ix: SharedIndex, params: SearchParamsInput): SearchResult | null {
  const start = getNanosecondsTime();
  const plan = planShared(ix, params);
  if (!plan) return null;
  const s = stateFor(ix);
  const gen = ++s.generation;
  if (gen === 0xffffffff) {
    s.stamp.fill(0);
    s.generation = 1;
  }
  const allowed = plan.where ? whereBitmap(ix, s, plan.where) : undefined;
  let n = 0;
  for (const prop of plan.props) {
    const r = ix.radix.get(prop)!;
    const boost = plan.boost[prop] ?? 1;
    for (const token of plan.tokens) n = addToken(ix, s, plan, r, token, boost, gen, allowed, n);
  }
  return assemble(ix, s, plan, n, start);
}

function planShared(ix: SharedIndex, params: SearchParamsInput): Plan | null {
  const p = params as SearchParamsInput & Record<string, unknown>;
  if ((p.mode ?? "fulltext") !== "fulltext" || typeof p.term !== "string" || p.term === "") return null;
  if (p.exact || p.sortBy || p.distinctOn || p.groupBy || p.preflight || p.vector) return null;
  if (ix.meta.shared.pinning > 0 || ((p.tolerance as number) || 0) !== 0) return null;
  const threshold = p.threshold ?? 1;
  const db = ix.empty;
  const types = db.index.getSearchablePropertiesWithTypes(db.data.index) as Record<string, string>;

  let props = searchableStringProperties(ix, types);
  const properties = p.properties as string[] | "*" | undefined;
  if (properties && properties !== "*") {
    if (properties.some((prop) => !props.includes(prop))) return null; // Orama throws UNKNOWN_INDEX
    props = props.filter((prop) => properties.includes(prop));
  }
  if (props.some((prop) => !ix.radix.has(prop))) return null;
  const boost = (p.boost ?? {}) as Record<string, number>;
  if (props.some((prop) => (boost[prop] ?? 1) <= 0)) return null; // INVALID_BOOST_VALUE

  const facetsConfig = p.facets as Record<string, FacetConfig> | undefined;
  const facetKeys = facetsConfig ? Object.keys(facetsConfig) : [];
  let facetPlan: Plan["facets"];
  if (facetKeys.length > 0) {
    if (facetKeys.some((f) => !FACET_TYPES.has(types[f]) || f.includes("."))) return null;
    facetPlan = { config: facetsConfig!, keys: facetKeys, types };
  }

  const tokens = db.tokenizer.tokenize(p.term, undefined) as string[];
  if (threshold !== 1 && !(threshold === 0 && tokens.length <= 1)) return null;

  const raw = p.where as Record<string, unknown> | undefined;
  const where = raw && Object.keys(raw).length > 0 ? raw : undefined;
  // Only filters on the filter trees: a string filter needs the radix trees, an unknown property
  // Orama's error; both go to Orama.
  if (where && !filtersOnly(where, ix.filterProps(), 0)) return null;
  const rel = (p.relevance ?? {}) as Partial<Relevance>;
  const relevance: Relevance = { k: rel.k ?? 1.2, b: rel.b ?? 0.75, d: rel.d ?? 0.5 };
  return {
    props,
    boost,
    tokens,
    where,
    relevance,
    cacheable: relevance.k === 1.2 && relevance.b === 0.75 && relevance.d === 0.5,
    offset: (p.offset as number | undefined) ?? 0,
    limit: (p.limit as number | undefined) ?? 10,
    facets: facetPlan,
  };
}

const propsCache = new WeakMap<SharedIndex, string[]>();
function searchableStringProperties(ix: SharedIndex, types: Record<string, string>): string[] {
  let props = propsCache.get(ix);
  if (!props) {
    props = (ix.empty.index.getSearchableProperties(ix.empty.data.index) as string[]).filter((prop) => types[prop].startsWith("string"));
    propsCache.set(ix, props);
  }
  return props;
}

/** Every property the clause names (as searchByWhereClause walks it) has a filter tree. */
function filtersOnly(where: Record<string, unknown>, allowed: Set<string>, depth: number): boolean {
  if (depth > 32 || !where || typeof where !== "object") return false;
  if ("and" in where && where.and && Array.isArray(where.and)) return where.and.every((w) => filtersOnly(w as Record<string, unknown>, allowed, depth + 1));
  if ("or" in where && where.or && Array.isArray(where.or)) return where.or.every((w) => filtersOnly(w as Record<string, unknown>, allowed, depth + 1));
  if ("not" in where && where.not) return filtersOnly(where.not as Record<string, unknown>, allowed, depth + 1);
  return Object.keys(where).every((k) => allowed.has(k));
}

function whereBitmap(ix: SharedIndex, s: State, where: Record<string, unknown>): Uint8Array {
  const key = canonicalJson(where);
  let allowed = s.where.get(key);
  if (allowed) s.where.delete(key);
  else {
    const filter = ix.empty.index.searchByWhereClause(ix.filters() as never, ix.empty.tokenizer, where as never, undefined) as Set<number>;
    allowed = new Uint8Array(s.scores.length);
    for (const id of filter) if (id < allowed.length) allowed[id] = 1;
    if (s.where.size >= WHERE_CACHE) s.where.delete(s.where.keys().next().value!);
  }
  s.where.set(key, allowed);
  return allowed;
}

/**
 * The nodes `RadixNode.find({ term, exact: false, tolerance: 0 })` reports, in the order Object.keys()
 * gives its output (tree-codec.ts prefixNodes, over the columns): find's descent, findAllWords' stack
 * order, then integer-like words first, ascending.
 */
export function sharedPrefixNodes(r: SharedRadix, term: string): number[] {
  const { meta, key, chars, loff, skip } = r;
  let node = 0;
  let i = 0;
  let start = -1;
  while (i < term.length) {
    const ch = term.charCodeAt(i);
    let child = -1;
    for (let c = node + 1, k = 0; k < meta[node * 3]; k++, c += skip[c]) {
      if (key[c] === ch) {
        child = c;
        break;
      }
    }
    if (child < 0) return [];
    const from = loff[child];
    const len = loff[child + 1] - from;
    let j = 0;
    while (j < len && i + j < term.length && chars[from + j] === term.charCodeAt(i + j)) j++;
    if (j === len) {
      node = child;
      i += j;
    } else if (i + j === term.length) {
      start = child;
      break;
    } else return [];
  }
  const out: number[] = [];
  const stack: number[] = [start >= 0 ? start : node];
  let indexKeys = false;
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (meta[n * 3 + 1] === 1 && meta[n * 3 + 2] > 0) {
      out.push(n);
      if (r.ikey[n] >= 0) indexKeys = true;
    }
    for (let c = n + 1, k = 0; k < meta[n * 3]; k++, c += skip[c]) stack.push(c);
  }
  if (!indexKeys) return out;
  const index = out.filter((n) => r.ikey[n] >= 0).sort((a, b) => r.ikey[a] - r.ikey[b]);
  return [...index, ...out.filter((n) => r.ikey[n] < 0)];
}

/** One token of one property: its expanded words' postings, BM25 × boost into the scores. */
function addToken(ix: SharedIndex, s: State, plan: Plan, r: SharedRadix, token: string, boost: number, gen: number, allowed: Uint8Array | undefined, n: number): number {
  const { scores, stamp, matched } = s;
  const { ids, meta, dstart } = r;
  const docsCount = ix.docsCount;
  for (const node of sharedPrefixNodes(r, token)) {
    const from = dstart[node];
    const end = from + meta[node * 3 + 2];
    const occ = r.occ[node];
    for (let j = from; j < end; j++) {
      const id = ids[j];
      if (allowed && allowed[id] !== 1) continue;
      const value = (plan.cacheable ? r.bm25[j] : bm25(r.tf[j], occ, docsCount, r.lengths[id], r.avg, plan.relevance)) * boost;
      if (stamp[id] !== gen) {
        stamp[id] = gen;
        scores[id] = value;
        matched[n++] = id;
      } else scores[id] = scores[id] + value;
    }
  }
  return n;
}

function assemble(ix: SharedIndex, s: State, plan: Plan, n: number, start: ReturnType<typeof getNanosecondsTime>): SearchResult {
  const { scores, matched } = s;
  const before = rankOrder(scores);
  const page = topK(matched, n, plan.offset + plan.limit, before, scores).slice(plan.offset);
  const hits = page.map((id) => ({ id: ix.externalId(id), score: scores[id], document: ix.document(id) }));
  const result: SearchResult = { elapsed: { formatted: "", raw: 0 }, hits, count: n };
  if (plan.facets) result.facets = facets(plan.facets.config, plan.facets.keys, plan.facets.types, matched, n, columnValues(ix), before);
  result.elapsed = (ix.empty as unknown as { formatElapsedTime(n: bigint | number): SearchResult["elapsed"] }).formatElapsedTime((getNanosecondsTime() as bigint) - (start as bigint));
  return result;
}

/** Facet values from the shared columns, or from the documents for a property without one. */
function columnValues(ix: SharedIndex): FacetValues {
  return {
    num(id, facet) {
      const col = ix.facet(facet);
      return col?.kind === "num" ? col.num[id] : ix.document(id)[facet];
    },
    str(id, facet, fallback) {
      const col = ix.facet(facet);
      if (col?.kind === "str") {
        const v = col.str[id];
        return v >= 0 ? col.dict[v] : fallback;
      }
      return (ix.document(id)[facet] as { toString(): string } | undefined | null)?.toString() ?? fallback;
    },
  };
}
