// Search over HTTP at 16 concurrent on the wordnet corpus, side by side in one run with raw Orama
// in-process and a bare node:http + Orama server; p99 during a deploy vs without; deploy and load
// times. `npm run bench -- search-http [docs]` (default: the whole corpus, ~118k).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { create, insertMultiple, search, type AnyOrama } from "@orama/orama";
import { api, settle, startServer } from "../lib/testing/server";
import { MIXED } from "./search-engine";
import { printTable, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

const CONCURRENCY = 16;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** 16 loops posting the mixed queries for DURATION_MS; latencies in ms and requests/s. */
async function load(url: string, headers: Record<string, string>, ms = DURATION_MS) {
  const times: number[] = [];
  let errors = 0;
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = w; Date.now() < end; i++) {
        const t = performance.now();
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(MIXED[i % MIXED.length]) });
        await res.arrayBuffer();
        if (res.ok) times.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  return { times, errors, rps: Math.round(times.length / (ms / 1000)) };
}

const row = (setup: string, r: { times: number[]; errors: number; rps: number }): Row => ({
  setup,
  requests: r.times.length,
  errors: r.errors,
  "p50 ms": Math.round(pct(r.times, 50) * 10) / 10,
  "p95 ms": Math.round(pct(r.times, 95) * 10) / 10,
  "p99 ms": Math.round(pct(r.times, 99) * 10) / 10,
  "req/s": r.rps,
});

/** The baseline server: node:http and raw Orama on one event loop, nothing else. */
async function bareServer(db: AnyOrama): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const result = await search(db, JSON.parse(body));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/search`, close: () => srv.close() };
}

export async function benchSearchHttp(): Promise<void> {
  const limit = Number(process.argv.find((a) => /^\d+$/.test(a))) || undefined;
  const docs = loadWordnet(limit);
  const raw = create({ schema: WORDNET_SCHEMA });
  let t = performance.now();
  await insertMultiple(raw, docs as never, 1000);
  const rawBuildMs = performance.now() - t;

  const rawTimes: number[] = [];
  for (const q of [...MIXED, ...MIXED]) {
    const s = performance.now();
    await search(raw, q as never);
    rawTimes.push(performance.now() - s);
  }
  const bare = await bareServer(raw);
  const bareLoad = await load(bare.url, {});
  bare.close();

  // On Postgres (BENCH_DATABASE_URL, default the local server), as a scaled deployment would run.
  const server = await startServer({}, { postgresUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
  try {
    const call = api(server);
    await call("POST", "/api/v1/indexes", { id: "wordnet", name: "wordnet", schema: WORDNET_SCHEMA });
    await call("POST", "/api/v1/webhooks/wordnet/snapshot", docs.map((d) => JSON.stringify(d)).join("\n"), { "content-type": "application/x-ndjson" });
    t = performance.now();
    const deployed = await settle(call, (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid, 600_000);
    const deployMs = performance.now() - t;
    if (deployed.status !== "succeeded") throw new Error(`deploy failed: ${JSON.stringify(deployed.error)}`);
    const url = `${server.url}/api/v1/indexes/wordnet/search`;
    const auth = { authorization: `Bearer ${server.env.INDEXHOOK_MASTER_KEY}` };
    await load(url, auth, 2000); // warm-up: loads the version
    const steady = await load(url, auth);
    // p99 while a deploy of the same index runs.
    await call("POST", "/api/v1/webhooks/wordnet/notify", { upsert: docs.slice(0, 1000).map((d) => ({ ...d, title: d.title + " x" })) });
    const uid = (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid;
    const during = await load(url, auth);
    await settle(call, uid, 600_000);
    const loadMs = [...server.logs().matchAll(/loaded dep_\w+ \([\d.]+ MB\) in (\d+) ms/g)].map((m) => Number(m[1]));

    printTable(`search over HTTP, ${CONCURRENCY} concurrent, ${docs.length.toLocaleString("en-US")} wordnet docs`, [
      { setup: "raw Orama in-process (sequential)", requests: rawTimes.length, errors: 0, "p50 ms": pct(rawTimes, 50), "p95 ms": pct(rawTimes, 95), "p99 ms": pct(rawTimes, 99), "req/s": "" },
      row("bare node:http + Orama", bareLoad),
      row("Indexhook (target p99 ≤ 20 ms, ≥ 1,000 req/s)", steady),
      row("Indexhook during a deploy (target < +10 % p99)", during),
    ]);
    printTable("build, deploy and load", [
      { step: "raw insertMultiple (main thread)", ms: Math.round(rawBuildMs) },
      { step: "deploy over HTTP (apply + build + persist + flip)", ms: Math.round(deployMs), "vs raw build": Math.round((rawBuildMs / deployMs) * 100) / 100 },
      { step: "load a live version in the server (per process)", ms: loadMs.at(-1) ?? "n/a", "ms per 100k": loadMs.length ? Math.round((loadMs.at(-1)! / docs.length) * 100_000) : "n/a" },
    ]);
  } finally {
    await server.stop();
  }
}
