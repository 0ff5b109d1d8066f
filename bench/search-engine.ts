// Raw Orama on the main thread vs the search engine (worker build, artifact, SearchPool) on the
// wordnet corpus, in one run so the numbers share the same (noisy, shared) machine.
import { insertMultiple, search } from "@orama/orama";
import { buildArtifact } from "../lib/search/engine/build-artifact";
import { createEngineDb, decodeArtifact, type DecodeTimings } from "../lib/search/engine/artifact";
import { runSearch } from "../lib/search/engine/run-search";
import { patchOrama, unpatchOrama } from "../lib/search/engine/orama-patch";
import { SearchPool } from "../lib/search/engine/search-pool";
import type { SearchParamsInput } from "../lib/contracts/search";
import { printTable, rate, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

const facets = { pos: {} };
/** The mixed set, with the class each query belongs to (per-class percentiles show the slow class). */
export const CLASSED: { cls: string; q: SearchParamsInput }[] = [
  { cls: "rare", q: { term: "zebra" } },
  { cls: "rare", q: { term: "photosynthesis" } },
  { cls: "rare", q: { term: "quixotic" } },
  { cls: "common", q: { term: "the" } },
  { cls: "common", q: { term: "a person" } },
  { cls: "phrase", q: { term: "musical instrument" } },
  { cls: "where", q: { term: "small boat", where: { pos: { eq: "noun" } } } },
  { cls: "facets", q: { term: "water", facets } },
  { cls: "common+where+facets", q: { term: "the act", where: { n: { gte: 2 } }, facets } },
  { cls: "phrase", q: { term: "river bank" } },
  { cls: "where", q: { term: "move quickly", where: { pos: { eq: "verb" } } } },
  { cls: "common+facets", q: { term: "of", facets } },
];
export const MIXED: SearchParamsInput[] = CLASSED.map((c) => c.q);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

function latencyRow(name: string, times: number[]): Row {
  return { setup: name, queries: times.length, p50_ms: pct(times, 50), p95_ms: pct(times, 95), p99_ms: pct(times, 99), max_ms: Math.max(...times) };
}

/** Runs the mixed set `rounds` times through `run`; returns all times and times per class. */
async function timeMixed(rounds: number, run: (q: SearchParamsInput) => unknown): Promise<{ all: number[]; byClass: Map<string, number[]> }> {
  const all: number[] = [];
  const byClass = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) for (const { cls, q } of CLASSED) {
    const t = performance.now();
    await run(q);
    const d = ms(t);
    all.push(d);
    byClass.set(cls, [...(byClass.get(cls) ?? []), d]);
  }
  return { all, byClass };
}

async function throughput(pool: SearchPool, key: string, callers: number, total: number): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (next < total) await pool.search(key, MIXED[next++ % MIXED.length]);
  }));
  return rate(total, ms(t));
}

export async function benchSearchEngine(limit?: number): Promise<void> {
  const docs = loadWordnet(limit);
  const n = docs.length;

  let t = performance.now();
  const raw = createEngineDb(WORDNET_SCHEMA);
  await insertMultiple(raw, docs as never, 1000);
  const rawBuild = ms(t);

  t = performance.now();
  const artifact = await buildArtifact(WORDNET_SCHEMA, docs);
  const engineBuild = ms(t);

  // Decode twice (the first warms the code); report the second, with its steps.
  decodeArtifact(artifact);
  const timings: DecodeTimings = {};
  t = performance.now();
  const decoded = decodeArtifact(artifact, timings);
  const load = ms(t);

  printTable(`search engine: build and load (${n.toLocaleString("en-US")} wordnet docs)`, [
    { step: "raw insertMultiple (main thread)", ms: rawBuild, docs_per_s: rate(n, rawBuild) },
    { step: "buildArtifact (worker, incl. serialize)", ms: engineBuild, docs_per_s: rate(n, engineBuild), vs_raw: rawBuild / engineBuild },
    { step: "artifact size (MB)", ms: "", docs_per_s: "", vs_raw: "", size_mb: artifact.length / 1e6 },
    { step: "load artifact (decode, one thread)", ms: load, ms_per_100k: (load / n) * 100_000 },
    ...Object.entries(timings).map(([name, v]) => ({ step: `  decode: ${name}`, ms: Math.round(v * 10) / 10 })),
  ]);

  // Unpatched only for one round: it is the slow baseline this module exists to fix.
  unpatchOrama();
  const unpatched = await timeMixed(1, (q) => search(raw, q as never));
  patchOrama();
  const patched = await timeMixed(2, (q) => runSearch(raw, q, { fast: false }));
  // The first query of a kind per thread also fills the fast path's per-index caches (BM25 per big
  // posting list, where-filter bitmaps): reported as "cold", then measured warm.
  const fastCold = await timeMixed(1, (q) => runSearch(decoded, q));
  const fast = await timeMixed(5, (q) => runSearch(decoded, q));

  const pool = new SearchPool({ size: 2, timeoutMs: 10_000, cache: false });
  await pool.load("wn", artifact);
  const pooledCold = await timeMixed(1, (q) => pool.search("wn", q));
  await timeMixed(1, (q) => pool.search("wn", q)); // the other thread's first round
  const pooled = await timeMixed(5, (q) => pool.search("wn", q));
  const qps = await throughput(pool, "wn", 16, 16 * MIXED.length * 8);
  await pool.close();

  const cached = new SearchPool({ size: 2, timeoutMs: 10_000 });
  await cached.load("wn", artifact);
  const pooledCached = await timeMixed(3, (q) => cached.search("wn", q));
  const qpsCached = await throughput(cached, "wn", 16, 16 * MIXED.length * 8);
  await cached.close();

  printTable("search engine: mixed query latency", [
    latencyRow("raw Orama 3.1.18, in-process", unpatched.all),
    latencyRow("Orama + findAllWords patch, in-process", patched.all),
    latencyRow("fast path (decoded artifact), in-process, cold", fastCold.all),
    latencyRow("fast path (decoded artifact), in-process, warm", fast.all),
    latencyRow("SearchPool (2 threads), sequential, no cache, cold", pooledCold.all),
    latencyRow("SearchPool (2 threads), sequential, no cache, warm", pooled.all),
    latencyRow("SearchPool (2 threads), sequential, cache", pooledCached.all),
    { setup: "SearchPool, 16 concurrent, no cache", queries: 16 * MIXED.length * 8, qps },
    { setup: "SearchPool, 16 concurrent, cache", queries: 16 * MIXED.length * 8, qps: qpsCached },
  ]);
  const perClass = (setup: string, byClass: Map<string, number[]>): Row[] =>
    [...byClass].map(([cls, times]) => ({ setup, class: cls, queries: times.length, p50_ms: pct(times, 50), p95_ms: pct(times, 95), p99_ms: pct(times, 99), max_ms: Math.max(...times) }));
  printTable("search engine: latency per query class", [
    ...perClass("raw Orama", unpatched.byClass),
    ...perClass("Orama + patch", patched.byClass),
    ...perClass("fast path, warm", fast.byClass),
    ...perClass("pool, no cache, cold", pooledCold.byClass),
    ...perClass("pool, no cache, warm", pooled.byClass),
  ]);
}
