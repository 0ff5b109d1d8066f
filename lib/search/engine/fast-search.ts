// A fast path for Orama 3.1.18 full-text search that returns exactly what `search()` returns (same
// ids, scores bit for bit, order, count, facets) for the common query shape, and `null` for anything
// else (the caller then runs Orama itself).
//
// Where Orama's time goes for a common term ("the", "a person": ~96k matching documents):
//   components/index.js `search`: a Map entry + a per-document Map (keywordMatchesMap) per posting,
//   a frequency lookup per posting; then two full sorts of every match; then facets over every match
//   through documentsStore.getMultiple.
// Here: scores accumulate in a Float64Array indexed by internal id, in the same order of additions
// per document as Orama (prop → token → expanded word), so every float sum is identical; BM25 per
// (word, doc) is cached per index for big posting lists (the inputs are fixed once a version is
// built); the page is a top-k selection on Orama's total order (score desc, then internal id asc —
// utils.sortTokenScorePredicate); enum/string/boolean facets count over the match set and rebuild
// Orama's key order from each value's best-ranked document.
//
// Eligible: mode fulltext, a non-empty term, threshold 1 (the default) or 0 with one token, no exact,
// sortBy, distinctOn, groupBy, preflight, pinning rules or hooks, facets only on top-level
// enum/string/boolean/number properties. Queries Orama would reject also go to Orama (so it throws).
import type { AnyOrama } from "@orama/orama";
import { getNanosecondsTime } from "@orama/orama/internals";
import type { SearchParamsInput } from "../../contracts/search";
import { radix } from "@orama/orama/trees";
import { canonicalJson } from "./result-cache";
import { postingTfsOf, prefixNodes, type PostingTfs } from "./tree-codec";

type RadixNode = radix.RadixNode;
import type { SearchResult } from "./types";

import { bm25, type Relevance } from "./bm25";
type Postings = Record<string, number[]>;
type RadixIndex = { type: string; node: { find(p: { term: string; exact?: boolean; tolerance?: number }): Postings } };
type IndexData = {
  indexes: Record<string, RadixIndex>;
  avgFieldLength: Record<string, number>;
  fieldLengths: Record<string, Record<number, number>>;
  tokenOccurrences: Record<string, Record<string, unknown>>;
  frequencies: Record<string, Record<number, Record<string, number> | undefined>>;
};
type Db = AnyOrama & {
  caches: Record<string, unknown>;
  beforeSearch?: unknown[];
  afterSearch?: unknown[];
  data: AnyOrama["data"] & { pinning?: { rules?: Map<unknown, unknown> } };
  internalDocumentIDStore: { internalIdToId: string[] };
};

/** Posting lists at least this long get their BM25 values cached (per index, default relevance). */
const CACHE_MIN_POSTINGS = 256;

type State = {
  signature: string;
  scores: Float64Array;
  stamp: Uint32Array; // stamp[id] === generation ⇔ id matched in the current search
  generation: number;
  matched: Int32Array;
  bm25: Map<string, Float64Array>;
  where: Map<string, Uint8Array>; // LRU: most recently used last
  columns: Map<string, Float64Array>; // per property: BM25 of each posting of the tf column
};
const WHERE_CACHE = 32;
const states = new WeakMap<object, State>();

function stateFor(db: Db, docsCount: number): State {
  const size = db.internalDocumentIDStore.internalIdToId.length + 1;
  // Artifacts are immutable; an in-process db may change, which invalidates the caches.
  const signature = `${docsCount}:${size}`;
  let s = states.get(db);
  if (!s || s.signature !== signature) {
    s = { signature, scores: new Float64Array(size), stamp: new Uint32Array(size), generation: 0, matched: new Int32Array(size), bm25: new Map(), where: new Map(), columns: new Map() };
    states.set(db, s);
  }
  return s;
}


const FACET_TYPES = new Set(["enum", "string", "boolean", "number"]);

/**
 * The phases, each below: `planQuery` (is the query one the fast path covers? Orama's defaults filled
 * in), `nextGeneration` (forget the previous search's matches), `whereBitmap` (the filter), then per
 * property and token `expandToken` (Orama's expanded words) and `addColumnRanges` / `addWords` (BM25
 * into the score array), `rankOrder` + `topK` (the page), `facets`, and `assembleResult`.
 */
export function fastSearch(orama: AnyOrama, params: SearchParamsInput): SearchResult | null {
  const db = orama as Db;
  const start = getNanosecondsTime();
  const plan = planQuery(db, params);
  if (!plan) return null;
  const s = stateFor(db, plan.docsCount);
  const gen = nextGeneration(s);
  const m: Matches = { scores: s.scores, stamp: s.stamp, matched: s.matched, gen, allowed: plan.where && whereBitmap(db, s, plan.where) };
  let n = 0;
  for (const prop of plan.props) n = scoreProperty(db, s, plan, m, prop, n);
  return assembleResult(db, plan, m, n, start);
}

/** A query the fast path covers, with Orama's defaults filled in. */
interface Plan {
  /** The searched string properties that have an index (all radix trees). */
  props: string[];
  boost: Record<string, number>;
  tokens: string[];
  tolerance: number;
  /** A non-empty where clause, or none. */
  where: Record<string, unknown> | undefined;
  relevance: Relevance;
  /** Default relevance: the per-index BM25 caches apply. */
  cacheable: boolean;
  offset: number;
  limit: number;
  facets: { config: Record<string, FacetConfig>; keys: string[]; types: Record<string, string> } | undefined;
  docsCount: number;
}

/** The plan of an eligible query, or null for anything the fast path leaves to Orama (see the top). */
function planQuery(db: Db, params: SearchParamsInput): Plan | null {
  const p = params as SearchParamsInput & Record<string, unknown>;
  if ((p.mode ?? "fulltext") !== "fulltext" || typeof p.term !== "string" || p.term === "") return null;
  if (p.exact || p.sortBy || p.distinctOn || p.groupBy || p.preflight || p.vector) return null;
  if (db.beforeSearch?.length || db.afterSearch?.length || (db.data.pinning?.rules?.size ?? 0) > 0) return null;
  const threshold = p.threshold ?? 1;
  const index = db.data.index as unknown as IndexData;

  let props = searchableStringProperties(db);
  const properties = p.properties as string[] | "*" | undefined;
  if (properties && properties !== "*") {
    if (properties.some((prop) => !props.includes(prop))) return null; // Orama throws UNKNOWN_INDEX
    props = props.filter((prop) => properties.includes(prop));
  }
  props = props.filter((prop) => prop in index.indexes);
  const boost = (p.boost ?? {}) as Record<string, number>;
  if (props.some((prop) => (boost[prop] ?? 1) <= 0)) return null; // INVALID_BOOST_VALUE

  const facetsConfig = p.facets as Record<string, FacetConfig> | undefined;
  const facetKeys = facetsConfig ? Object.keys(facetsConfig) : [];
  let facets: Plan["facets"];
  if (facetKeys.length > 0) {
    const types = db.index.getSearchablePropertiesWithTypes(db.data.index) as Record<string, string>;
    if (facetKeys.some((f) => !FACET_TYPES.has(types[f]) || f.includes("."))) return null;
    facets = { config: facetsConfig!, keys: facetKeys, types };
  }

  const tokens = db.tokenizer.tokenize(p.term, undefined) as string[];
  if (threshold !== 1 && !(threshold === 0 && tokens.length <= 1)) return null;
  if (props.some((prop) => index.indexes[prop].type !== "Radix")) return null;

  const where = p.where as Record<string, unknown> | undefined;
  const rel = (p.relevance ?? {}) as Partial<Relevance>;
  const relevance: Relevance = { k: rel.k ?? 1.2, b: rel.b ?? 0.75, d: rel.d ?? 0.5 };
  return {
    props,
    boost,
    tokens,
    tolerance: (p.tolerance as number) || 0,
    where: where && Object.keys(where).length > 0 ? where : undefined,
    relevance,
    cacheable: relevance.k === 1.2 && relevance.b === 0.75 && relevance.d === 0.5,
    offset: (p.offset as number | undefined) ?? 0,
    limit: (p.limit as number | undefined) ?? 10,
    facets,
    docsCount: db.documentsStore.count(db.data.docs) as number,
  };
}

/** Searchable string properties, as innerFullTextSearch computes (and caches) them. */
function searchableStringProperties(db: Db): string[] {
  let props = db.caches["propertiesToSearch"] as string[] | undefined;
  if (!props) {
    const types = db.index.getSearchablePropertiesWithTypes(db.data.index) as Record<string, string>;
    props = (db.index.getSearchableProperties(db.data.index) as string[]).filter((prop) => types[prop].startsWith("string"));
    db.caches["propertiesToSearch"] = props;
  }
  return props;
}

/** A new search's generation: every id stamped with an older one counts as not matched (no clearing). */
function nextGeneration(s: State): number {
  const gen = ++s.generation;
  if (gen === 0xffffffff) {
    s.stamp.fill(0);
    s.generation = 1;
  }
  return gen;
}

/**
 * The where-filter as a bitmap over internal ids (a Set lookup per posting is the slow part), kept
 * per index for the last few filters: the data never changes, so neither does the id set.
 */
function whereBitmap(db: Db, s: State, where: Record<string, unknown>): Uint8Array {
  const key = canonicalJson(where);
  let allowed = s.where.get(key);
  if (allowed) s.where.delete(key);
  else {
    const filter = db.index.searchByWhereClause(db.data.index, db.tokenizer, where as never, undefined) as Set<number>;
    allowed = new Uint8Array(s.scores.length);
    for (const id of filter) if (id < allowed.length) allowed[id] = 1;
    if (s.where.size >= WHERE_CACHE) s.where.delete(s.where.keys().next().value!);
  }
  s.where.set(key, allowed);
  return allowed;
}

/** The current search's matches: matched[0..n) in first-match order, their scores by internal id. */
interface Matches {
  scores: Float64Array;
  stamp: Uint32Array;
  matched: Int32Array;
  gen: number;
  /** The where bitmap, if any: only ids set in it may match. */
  allowed: Uint8Array | undefined;
}

/** A word's postings with their tf, scored one posting at a time. */
type Word = { word: string; ids: ArrayLike<number>; tf: (i: number) => number };

/** What BM25 of one property needs. */
interface PropertyStats {
  prop: string;
  avg: number;
  lengths: Record<number, number>;
  occurrences: Record<string, unknown>;
}

/**
 * Adds one property's BM25 (times its boost) for every token to the matches, in Orama's order of
 * additions (token → expanded word), so every float sum is Orama's; returns the new match count.
 */
function scoreProperty(db: Db, s: State, plan: Plan, m: Matches, prop: string, n: number): number {
  const index = db.data.index as unknown as IndexData;
  const tree = index.indexes[prop];
  const boost = plan.boost[prop] ?? 1;
  const stats: PropertyStats = { prop, avg: index.avgFieldLength[prop], lengths: index.fieldLengths[prop], occurrences: index.tokenOccurrences[prop] };
  // tf per posting: the column decoded with the tree, or Orama's frequency objects.
  const postings = postingTfsOf(tree.node);
  const fromObjects = frequencyReader(index, prop);
  for (const token of plan.tokens) {
    // BM25 of every posting of this property, computed once per index (default relevance).
    const column =
      postings && plan.tolerance === 0 && plan.cacheable
        ? bm25Column(s, prop, postings, stats.occurrences, plan.docsCount, stats.lengths, stats.avg, plan.relevance)
        : undefined;
    const { ranges, words } = expandToken(tree, postings, column !== undefined, fromObjects, token, plan.tolerance);
    if (column) n = addColumnRanges(m, column, postings!.ids, ranges, boost, n);
    n = addWords(s, plan, stats, m, words, boost, n);
  }
  return n;
}

/** tf from Orama's frequency objects (read from the index on first use). */
function frequencyReader(index: IndexData, prop: string): (word: string, ids: ArrayLike<number>) => (i: number) => number {
  let freqs: IndexData["frequencies"][string] | undefined;
  let freqsRead = false;
  return (word, ids) => {
    if (!freqsRead) {
      freqs = index.frequencies[prop];
      freqsRead = true;
    }
    return (i: number) => freqs?.[ids[i]]?.[word] ?? 0;
  };
}

/**
 * The expanded words of one token in Orama's order: with the BM25 column at hand (tolerance 0), the
 * words whose postings are all in it as [start, end) ranges of the column (`ranges`, flat pairs), and
 * every other word with its ids and their tf (`words`). Scoring adds the ranges first, then the words.
 */
function expandToken(
  tree: RadixIndex,
  postings: PostingTfs | undefined,
  withColumn: boolean,
  fromObjects: (word: string, ids: ArrayLike<number>) => (i: number) => number,
  token: string,
  tolerance: number,
): { ranges: number[]; words: Word[] } {
  const ranges: number[] = [];
  const words: Word[] = [];
  if (postings && tolerance === 0) {
    const allIds = postings.ids;
    for (const node of prefixNodes(tree.node as unknown as RadixNode, token)) {
      const word = node.w;
      const at = postings.start.get(word);
      if (at !== undefined && postings.length.get(word) === node.d.size) {
        if (withColumn) ranges.push(at, at + node.d.size);
        else {
          const tfs = postings.tf;
          words.push({ word, ids: allIds.subarray(at, at + node.d.size), tf: (i) => tfs[at + i] });
        }
      } else {
        const ids = Array.from(node.d) as number[];
        words.push({ word, ids, tf: fromObjects(word, ids) });
      }
    }
  } else {
    const found = tree.node.find({ term: token, exact: false, tolerance });
    for (const word of Object.keys(found)) {
      const ids = found[word];
      const at = postings?.start.get(word);
      // Array.from(node.d) lists the node's ids in the order the tf column was written.
      if (postings && at !== undefined && postings.length.get(word) === ids.length) {
        const tfs = postings.tf;
        words.push({ word, ids, tf: (i) => tfs[at + i] });
      } else words.push({ word, ids, tf: fromObjects(word, ids) });
    }
  }
  return { ranges, words };
}

/** The hot loop for common terms: BM25 straight from the column over typed arrays. */
function addColumnRanges(m: Matches, column: Float64Array, ids: Int32Array, ranges: number[], boost: number, n: number): number {
  const { scores, stamp, matched, gen, allowed } = m;
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1];
    for (let j = ranges[r]; j < end; j++) {
      const id = ids[j];
      if (allowed && allowed[id] !== 1) continue;
      const value = column[j] * boost;
      if (stamp[id] !== gen) {
        stamp[id] = gen;
        scores[id] = value;
        matched[n++] = id;
      } else scores[id] = scores[id] + value;
    }
  }
  return n;
}

/** BM25 of each word's postings (cached per index for long posting lists at default relevance). */
function addWords(s: State, plan: Plan, stats: PropertyStats, m: Matches, words: Word[], boost: number, n: number): number {
  const { scores, stamp, matched, gen, allowed } = m;
  const { docsCount, relevance } = plan;
  const { avg, lengths, occurrences } = stats;
  for (const { word, ids, tf } of words) {
    const occ = occurrences[word];
    const termOccurrences = typeof occ === "number" ? occ : 0;
    let cached: Float64Array | undefined;
    if (plan.cacheable && ids.length >= CACHE_MIN_POSTINGS) {
      const key = `${stats.prop}\u0000${word}`;
      cached = s.bm25.get(key);
      if (!cached) {
        cached = new Float64Array(ids.length);
        for (let i = 0; i < ids.length; i++) cached[i] = bm25(tf(i), termOccurrences, docsCount, lengths[ids[i]], avg, relevance);
        s.bm25.set(key, cached);
      }
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (allowed && allowed[id] !== 1) continue;
      const value = cached ? cached[i] : bm25(tf(i), termOccurrences, docsCount, lengths[id], avg, relevance);
      if (stamp[id] !== gen) {
        stamp[id] = gen;
        scores[id] = value * boost;
        matched[n++] = id;
      } else {
        scores[id] = scores[id] + value * boost;
      }
    }
  }
  return n;
}

/** Orama's order: score desc, ties by internal id asc (utils.sortTokenScorePredicate). */
export function rankOrder(scores: Float64Array): (a: number, b: number) => boolean {
  return (a, b) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
}

/** The page of hits, the count, the facets and the elapsed time, shaped as Orama's `search()` result. */
function assembleResult(db: Db, plan: Plan, m: Matches, n: number, start: ReturnType<typeof getNanosecondsTime>): SearchResult {
  const { scores, matched } = m;
  const before = rankOrder(scores);
  const page = topK(matched, n, plan.offset + plan.limit, before, scores).slice(plan.offset);
  const store = db.internalDocumentIDStore;
  const docs = (db.data.docs as unknown as { docs: Record<number, Record<string, unknown>> }).docs;
  const hits = page.map((id) => ({ id: store.internalIdToId[id - 1], score: scores[id], document: docs[id] }));
  const result: SearchResult = { elapsed: { formatted: "", raw: 0 }, hits, count: n };
  if (plan.facets) result.facets = facets(plan.facets.config, plan.facets.keys, plan.facets.types, matched, n, documentValues(docs), before);
  result.elapsed = (db as unknown as { formatElapsedTime(n: bigint | number): SearchResult["elapsed"] }).formatElapsedTime((getNanosecondsTime() as bigint) - (start as bigint));
  return result;
}

/**
 * Builds the per-index BM25 columns now instead of on the first search (a search thread calls it when
 * idle after a load). Same values either way; returns the properties it built.
 */
export function warmFastSearch(orama: AnyOrama): string[] {
  const db = orama as Db;
  const index = db.data.index as unknown as IndexData;
  const docsCount = db.documentsStore.count(db.data.docs) as number;
  const s = stateFor(db, docsCount);
  const built: string[] = [];
  for (const [prop, tree] of Object.entries(index.indexes)) {
    const postings = tree.type === "Radix" ? postingTfsOf(tree.node) : undefined;
    if (!postings) continue;
    const relevance: Relevance = { k: 1.2, b: 0.75, d: 0.5 };
    bm25Column(s, prop, postings, index.tokenOccurrences[prop], docsCount, index.fieldLengths[prop], index.avgFieldLength[prop], relevance);
    built.push(prop);
  }
  return built;
}

/** BM25 (default relevance) of every posting in a decoded property's tf column, built on first use. */
function bm25Column(
  s: State,
  prop: string,
  postings: PostingTfs,
  occurrences: Record<string, unknown>,
  docsCount: number,
  lengths: Record<number, number>,
  avg: number,
  relevance: Relevance,
): Float64Array {
  let column = s.columns.get(prop);
  if (column) return column;
  column = new Float64Array(postings.tf.length);
  const { ids, tf } = postings;
  for (const [word, at] of postings.start) {
    const occ = occurrences[word];
    const termOccurrences = typeof occ === "number" ? occ : 0;
    const end = at + postings.length.get(word)!;
    for (let j = at; j < end; j++) column[j] = bm25(tf[j], termOccurrences, docsCount, lengths[ids[j]], avg, relevance);
  }
  s.columns.set(prop, column);
  return column;
}

/** The first k of matched[0..n) in `before` order. A bounded heap for small k, a sort otherwise. */
export function topK(matched: Int32Array, n: number, k: number, before: (a: number, b: number) => boolean, scores: Float64Array): number[] {
  if (k <= 0 || n === 0) return [];
  if (k * 8 >= n) {
    const all = Array.from(matched.subarray(0, n));
    return all.sort((a, b) => (scores[b] === scores[a] ? a - b : scores[b] - scores[a])).slice(0, k);
  }
  // Max-heap on "worst first": heap[0] is the worst of the current best k.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const id = matched[i];
    if (heap.length < k) {
      heap.push(id);
      up(heap.length - 1);
    } else if (before(id, heap[0])) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}

/**
 * components/facets.js getFacets over the match set in Orama's sorted order, without sorting it:
 * counts do not depend on order; key order (first appearance) does, and the first appearance of a
 * value is its best-ranked document.
 */
/** A document's facet value: the raw value (number ranges) or `value?.toString() ?? fallback`. */
export type FacetValues = { num(id: number, facet: string): unknown; str(id: number, facet: string, fallback: string): string };

function documentValues(docs: Record<number, Record<string, unknown>>): FacetValues {
  return {
    num: (id, facet) => docs[id][facet],
    str: (id, facet, fallback) => (docs[id][facet] as { toString(): string } | undefined | null)?.toString() ?? fallback,
  };
}

export type FacetConfig = { sort?: string; offset?: number; limit?: number; ranges?: { from: number; to: number }[] };

export function facets(
  config: Record<string, FacetConfig>,
  keys: string[],
  types: Record<string, string>,
  matched: Int32Array,
  n: number,
  get: FacetValues,
  before: (a: number, b: number) => boolean,
): NonNullable<SearchResult["facets"]> {
  const out: NonNullable<SearchResult["facets"]> = {};
  for (const facet of keys) {
    const type = types[facet];
    if (type === "number") {
      const ranges = config[facet].ranges ?? [];
      const values: Record<string, number> = Object.fromEntries(ranges.map((r) => [`${r.from}-${r.to}`, 0]));
      for (let i = 0; i < n; i++) {
        const v = get.num(matched[i], facet) as number;
        for (const r of ranges) if (v >= r.from && v <= r.to) values[`${r.from}-${r.to}`]++;
      }
      out[facet] = { count: Object.keys(values).length, values };
      continue;
    }
    const fallback = type === "boolean" ? "false" : "";
    const counts = new Map<string, { count: number; best: number }>();
    for (let i = 0; i < n; i++) {
      const id = matched[i];
      const value = get.str(id, facet, fallback);
      const e = counts.get(value);
      if (!e) counts.set(value, { count: 1, best: id });
      else {
        e.count++;
        if (before(id, e.best)) e.best = id;
      }
    }
    const ordered = [...counts.entries()].sort((a, b) => (before(a[1].best, b[1].best) ? -1 : 1));
    let values: Record<string, number> = {};
    for (const [value, e] of ordered) values[value] = e.count;
    const count = Object.keys(values).length;
    if (type === "string") {
      const c = config[facet];
      const desc = (c.sort ?? "desc").toLowerCase() !== "asc";
      values = Object.fromEntries(
        Object.entries(values)
          .sort((a, b) => (desc ? b[1] - a[1] : a[1] - b[1]))
          .slice(c.offset ?? 0, c.limit ?? 10),
      );
    }
    out[facet] = { count, values };
  }
  return out;
}
