// Raw Orama on the main thread vs the search engine (worker build, artifact, SearchPool) on the
// wordnet corpus, in one run so the numbers share the same (noisy, shared) machine.
import { insertMultiple, search, type AnyOrama } from "@orama/orama";
import { buildArtifact } from "../lib/search/engine/build-artifact";
import { createEngineDb, decodeArtifact } from "../lib/search/engine/artifact";
import { patchOrama, unpatchOrama } from "../lib/search/engine/orama-patch";
import { SearchPool } from "../lib/search/engine/search-pool";
import type { SearchParamsInput } from "../lib/contracts/search";
import { printTable, rate, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

const facets = { pos: {} };
export const MIXED: SearchParamsInput[] = [
  { term: "zebra" }, { term: "photosynthesis" }, { term: "quixotic" }, { term: "the" }, { term: "a person" },
  { term: "musical instrument" }, { term: "small boat", where: { pos: { eq: "noun" } } }, { term: "water", facets },
  { term: "the act", where: { n: { gte: 2 } }, facets }, { term: "river bank" }, { term: "move quickly", where: { pos: { eq: "verb" } } },
  { term: "of", facets },
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

function latencyRow(name: string, times: number[]): Row {
  return { setup: name, queries: times.length, p50_ms: pct(times, 50), p95_ms: pct(times, 95), p99_ms: pct(times, 99), max_ms: Math.max(...times) };
}

async function timeRaw(db: AnyOrama, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of MIXED) {
    const t = performance.now();
    await search(db, q as never);
    times.push(ms(t));
  }
  return times;
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

  t = performance.now();
  decodeArtifact(artifact);
  const load = ms(t);

  printTable(`search engine: build and load (${n.toLocaleString("en-US")} wordnet docs)`, [
    { step: "raw insertMultiple (main thread)", ms: rawBuild, docs_per_s: rate(n, rawBuild) },
    { step: "buildArtifact (worker, incl. serialize)", ms: engineBuild, docs_per_s: rate(n, engineBuild), vs_raw: rawBuild / engineBuild },
    { step: "artifact size (MB)", ms: "", docs_per_s: "", vs_raw: "", size_mb: artifact.length / 1e6 },
    { step: "load artifact (decode, one thread)", ms: load, ms_per_100k: (load / n) * 100_000 },
  ]);

  // Unpatched only for one round: it is the slow baseline this module exists to fix.
  unpatchOrama();
  const unpatched = await timeRaw(raw, 1);
  patchOrama();
  const patched = await timeRaw(raw, 3);

  const pool = new SearchPool({ size: 2, timeoutMs: 10_000 });
  await pool.load("wn", artifact);
  const pooled: number[] = [];
  for (let r = 0; r < 3; r++) for (const q of MIXED) {
    const t0 = performance.now();
    await pool.search("wn", q);
    pooled.push(ms(t0));
  }
  // Throughput: 16 callers, each running the mixed set in a loop for a fixed number of queries.
  const total = 16 * MIXED.length * 2;
  let next = 0;
  t = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < total) await pool.search("wn", MIXED[next++ % MIXED.length]);
  }));
  const concurrentMs = ms(t);
  await pool.close();

  printTable("search engine: mixed query latency", [
    latencyRow("raw Orama 3.1.18, in-process", unpatched),
    latencyRow("Orama + findAllWords patch, in-process", patched),
    latencyRow("SearchPool (2 threads), sequential", pooled),
    { setup: "SearchPool, 16 concurrent", queries: total, qps: rate(total, concurrentMs) },
  ]);
}
