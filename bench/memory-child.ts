// One measurement of `npm run bench -- memory`, in a fresh process so RSS is this setup's alone:
// a SearchPool of two threads loads the artifact given as argv[2], answers the mixed query set, and
// prints RSS before/after, load times and (shared mode) RSS once one thread decoded Orama's instance.
// INDEXHOOK_SEARCH_DECODE=orama makes the threads decode their own Orama instance (the old path).
import { readFileSync } from "node:fs";
import { SearchPool } from "../lib/search/engine/search-pool";
import { MIXED } from "./search-engine";

const rss = () => process.memoryUsage().rss;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main() {
  const pool = new SearchPool({ size: 2, timeoutMs: 120_000 });
  const slots = (pool as unknown as { slots: { loading: number }[] }).slots;
  // Threads booted and idle (tsx, Orama, the engine loaded), nothing indexed.
  await pool.load("tiny", readFileSync(process.argv[3]));
  while (slots.some((s) => s.loading > 0)) await sleep(20);
  await pool.evict("tiny");
  gc();
  await sleep(500);
  const base = rss();

  let artifact: Buffer | null = readFileSync(process.argv[2]);
  const size = artifact.length;
  const t = performance.now();
  await pool.load("wn", artifact);
  const first = performance.now() - t;
  while (slots.some((s) => s.loading > 0)) await sleep(5);
  const all = performance.now() - t;
  artifact = null;
  for (let r = 0; r < 3; r++) await Promise.all(MIXED.map((q) => pool.search("wn", q)));
  gc();
  await sleep(1000);
  const loaded = rss();
  // A query the shared fast path leaves to Orama (typo tolerance): one thread decodes Orama's instance.
  await pool.search("wn", { term: "anmal", tolerance: 1 });
  gc();
  await sleep(1000);
  const withOrama = rss();
  console.log(`RESULT ${JSON.stringify({ base, loaded, withOrama, first, all, size })}`);
  await pool.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
