// Search latency while a large deploy runs, against the same server's steady latency, in one run:
// PGlite in the server's thread (INDEXHOOK_PGLITE_THREAD=0, the old design), PGlite on its own thread
// (the default) and Postgres. `npm run bench -- deploy-load [docs]` (default: the whole WordNet corpus,
// ~118k; BENCH_SECONDS per steady window, default 10; BENCH_DATABASE_URL for Postgres, "" to skip it).
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDb } from "../lib/db/client";
import { api, settle, startServer } from "../lib/testing/server";
import { CONCURRENCY, postLoad } from "./post-load";
import { printTable, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

const STEADY_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The shared load until `until` settles; requests/s over the time it ran, CPU rounded to 0.1 ms. */
async function load(url: string, headers: Record<string, string>, until: Promise<unknown>, pid: number) {
  const { times, errors, seconds, cpu } = await postLoad(url, headers, until, pid);
  return { times, errors, seconds, rps: Math.round(times.length / seconds), cpu: r1(cpu ?? 0) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(setup: string, env: Record<string, string>, postgresUrl: string, docs: ReturnType<typeof loadWordnet>): Promise<Row> {
  const server = await startServer(env, { postgresUrl });
  try {
    const call = api(server);
    await call("POST", "/api/v1/indexes", { id: "wordnet", name: "wordnet", schema: WORDNET_SCHEMA });
    await call("POST", "/api/v1/webhooks/wordnet/snapshot", docs.map((d) => JSON.stringify(d)).join("\n"), { "content-type": "application/x-ndjson" });
    const first = await settle(call, (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid, 1_200_000);
    if (first.status !== "succeeded") throw new Error(`deploy failed: ${JSON.stringify(first.error)}`);
    const url = `${server.url}/api/v1/indexes/wordnet/search`;
    const auth = { authorization: `Bearer ${server.env.INDEXHOOK_MASTER_KEY}` };
    const pid = server.pid();
    await load(url, auth, sleep(2000), pid); // warm-up: loads the live version
    const steady = await load(url, auth, sleep(STEADY_MS), pid);
    // A deploy of the whole index (every document is rebuilt and its version written to the database).
    await call("POST", "/api/v1/webhooks/wordnet/notify", { upsert: docs.slice(0, 1000).map((d) => ({ ...d, title: d.title + " x" })) });
    const t = performance.now();
    const uid = (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid;
    const deployed = settle(call, uid, 1_200_000);
    const during = await load(url, auth, deployed, pid);
    const deployMs = performance.now() - t;
    if ((await deployed).status !== "succeeded") throw new Error(`second deploy failed: ${JSON.stringify((await deployed).error)}`);
    const steadyP99 = pct(steady.times, 99);
    const duringP99 = pct(during.times, 99);
    return {
      setup,
      "steady p50 / p99 ms": `${r1(pct(steady.times, 50))} / ${r1(steadyP99)}`,
      "during deploy p50 / p99 ms": `${r1(pct(during.times, 50))} / ${r1(duringP99)}`,
      "p99 during / steady (target ≤ 1.5)": r1(duringP99 / Math.max(0.1, steadyP99)),
      "max during ms": r1(Math.max(0, ...during.times)),
      "req/s steady / during": `${steady.rps} / ${during.rps}`,
      "errors": steady.errors + during.errors,
      "server CPU ms/req steady / during*": `${steady.cpu} / ${during.cpu}`,
      "deploy s": r1(deployMs / 1000),
    };
  } finally {
    await server.stop();
  }
}

/** The driver alone, in this process: round trips, and how long each keeps this thread's event loop busy. */
export async function driverRow(setup: string, thread: boolean): Promise<Row> {
  const h = await openDb({ pgliteDir: "memory://", thread });
  try {
    await h.rows(sql`create table blobs (id int primary key, data bytea not null)`);
    const chunk = Buffer.alloc(4 * 1024 * 1024, 1);
    const timed = async (n: number, fn: (i: number) => Promise<unknown>) => {
      await fn(-1);
      const elu0 = performance.eventLoopUtilization();
      const t = performance.now();
      for (let i = 0; i < n; i++) await fn(i);
      const ms = (performance.now() - t) / n;
      return { ms: Math.round(ms * 100) / 100, busy: Math.round((performance.eventLoopUtilization(elu0).active / n) * 100) / 100 };
    };
    const one = await timed(500, () => h.rows(sql`select 1 as one`));
    const write = await timed(8, (i) => h.rows(sql`insert into blobs values (${i}, ${chunk}) on conflict (id) do update set data = excluded.data`));
    const read = await timed(8, (i) => h.rows(sql`select data from blobs where id = ${Math.max(0, i)}`));
    return {
      setup,
      "select 1 ms (loop busy ms)": `${one.ms} (${one.busy})`,
      "write 4 MB bytea ms (loop busy ms)": `${write.ms} (${write.busy})`,
      "read 4 MB bytea ms (loop busy ms)": `${read.ms} (${read.busy})`,
    };
  } finally {
    await h.close();
  }
}

export async function benchDeployLoad(): Promise<void> {
  printTable("the PGlite driver alone, in one process (loop busy = this thread's event loop was blocked)", [
    await driverRow("PGlite in this thread (before)", false),
    await driverRow("PGlite on its own thread, postgres.js over a MessagePort (after)", true),
  ]);
  const limit = Number(process.argv.find((a) => /^\d+$/.test(a))) || undefined;
  const docs = loadWordnet(limit);
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const rows: Row[] = [];
  rows.push(await measure("PGlite in the server's thread (INDEXHOOK_PGLITE_THREAD=0, before)", { INDEXHOOK_PGLITE_THREAD: "0" }, "", docs));
  rows.push(await measure("PGlite on its own thread (default, after)", {}, "", docs));
  if (postgresUrl) rows.push(await measure("Postgres", {}, postgresUrl, docs));
  printTable(
    `search over HTTP at ${CONCURRENCY} concurrent: steady (${STEADY_MS / 1000} s) vs during a deploy of ${docs.length.toLocaleString("en-US")} wordnet docs ` +
      `(* CPU during includes the deploy's own work)`,
    rows,
  );
}
