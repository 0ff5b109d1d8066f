// Search over HTTP at 16 concurrent on the wordnet corpus, side by side in one run with raw Orama
// in-process and a bare node:http + Orama server; p99 during a deploy vs without; deploy and load
// times. Then the fast lane (issue 12): bare node:http answering a fixed ~2 KB JSON (its own process,
// the ceiling), Indexhook's search through the fast lane and through Next's pipeline (the same server
// with SEARCH_FAST_LANE=switchable, the header `x-indexhook-lane: next`), at 16 concurrent and with
// one client, with the server's CPU ms per request. `npm run bench -- search-http [docs]` (default:
// the whole corpus, ~118k).
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { create, insertMultiple, search, type AnyOrama } from "@orama/orama";
import { api, settle, startServer } from "../lib/testing/server";
import { MIXED } from "./search-engine";
import { CONCURRENCY, cpuMs, postLoad } from "./post-load";
import { printTable, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** 16 loops posting the mixed queries for `ms`; latencies in ms, requests/s and the server's CPU ms per
 *  request (robust to other jobs on a shared machine, unlike the latencies). */
async function load(url: string, headers: Record<string, string>, ms = DURATION_MS, pid?: number) {
  const { times, errors, cpu } = await postLoad(url, headers, new Promise((resolve) => setTimeout(resolve, ms)), pid);
  return { times, errors, rps: Math.round(times.length / (ms / 1000)), cpu: cpu === undefined ? undefined : Math.round(cpu * 100) / 100 };
}

const row = (setup: string, r: { times: number[]; errors: number; rps: number; cpu?: number }): Row => ({
  setup,
  requests: r.times.length,
  errors: r.errors,
  "p50 ms": Math.round(pct(r.times, 50) * 10) / 10,
  "p95 ms": Math.round(pct(r.times, 95) * 10) / 10,
  "p99 ms": Math.round(pct(r.times, 99) * 10) / 10,
  "req/s": r.rps,
  "server CPU ms/req": r.cpu ?? "",
});

/** The baseline server: node:http and raw Orama on one event loop, nothing else. With `cache`, answers
 *  are remembered by request body: the ceiling of HTTP on this machine (Indexhook caches results too). */
async function bareServer(db: AnyOrama, cache?: Map<string, string>): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      let answer = cache?.get(body);
      if (answer === undefined) {
        answer = JSON.stringify(await search(db, JSON.parse(body)));
        cache?.set(body, answer);
      }
      res.setHeader("content-type", "application/json");
      res.end(answer);
    });
  });
  // As the server under test (`next start --keepAliveTimeout 65000`): with Node's default 5 s, a
  // connection idle while the loop is blocked by a seconds-long search is closed under the client (ECONNRESET).
  srv.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/search`, close: () => srv.close() };
}

/** A bare node:http server in its own process answering every request with the same ~2 KB of JSON:
 *  what HTTP alone costs on this machine (the baseline of the fast-lane table). */
async function bareJsonServer(): Promise<{ url: string; pid: number; close: () => void }> {
  const hits = Array.from({ length: 10 }, (_, i) => ({ id: `noun-0${i}`, score: 1.5 - i / 10, document: { id: `noun-0${i}`, title: "water, H2O", body: "binary compound that occurs at room temperature as a clear colorless odorless tasteless liquid", pos: "noun", n: 2 } }));
  const body = JSON.stringify({ count: 1234, hits, elapsed: { raw: 120000, formatted: "120μs" } });
  const code = `
    const body = ${JSON.stringify(body)};
    const srv = require("node:http").createServer((req, res) => {
      req.resume();
      req.on("end", () => { res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }); res.end(body); });
    });
    srv.keepAliveTimeout = 65000;
    srv.listen(0, "127.0.0.1", () => console.log(srv.address().port));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => child.stdout!.once("data", (d) => resolve(Number(String(d).trim()))));
  return { url: `http://127.0.0.1:${port}/search`, pid: child.pid!, close: () => child.kill() };
}

/** `clients` loops over one keep-alive node:http agent (cheaper per request than fetch, so the client
 *  takes less of the 2 cores from the server) posting the mixed queries for `ms`. */
async function hammer(url: string, headers: Record<string, string>, clients: number, ms: number, pid?: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const bodies = MIXED.map((q) => JSON.stringify(q));
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const cpu0 = cpuMs(pid);
  const times: number[] = [];
  let errors = 0;
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = w; Date.now() < end; i++) {
        const t = performance.now();
        try {
          if ((await post(bodies[i % bodies.length])) === 200) times.push(performance.now() - t);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  agent.destroy();
  const cpu = pid === undefined ? undefined : Math.round(((cpuMs(pid) - cpu0) / Math.max(1, times.length + errors)) * 100) / 100;
  return { times, errors, rps: Math.round(times.length / (ms / 1000)), cpu };
}

type Load = Awaited<ReturnType<typeof hammer>>;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

function laneRows(clients: number, bare: Load, fast: Load, viaNext: Load): Row[] {
  const one = (setup: string, r: Load): Row => ({
    setup,
    clients,
    requests: r.times.length,
    errors: r.errors,
    "req/s": r.rps,
    "vs bare req/s": r2(r.rps / Math.max(1, bare.rps)),
    "p50 ms": r1(pct(r.times, 50)),
    "p99 ms": r1(pct(r.times, 99)),
    "p99 vs bare": r2(pct(r.times, 99) / Math.max(0.01, pct(bare.times, 99))),
    "server CPU ms/req": r.cpu ?? "",
  });
  return [one("bare node:http, fixed 2 KB JSON (baseline)", bare), one("Indexhook search, fast lane", fast), one("Indexhook search, through Next (x-indexhook-lane: next)", viaNext)];
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
  const bareCached = await bareServer(raw, new Map());
  const bareCachedLoad = await load(bareCached.url, {});
  bareCached.close();

  // On Postgres (BENCH_DATABASE_URL, default the local server), as a scaled deployment would run.
  const server = await startServer({ SEARCH_FAST_LANE: "switchable" }, { postgresUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
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
    const pid = server.pid();
    await load(url, auth, 2000); // warm-up: loads the version
    const key = (await call("POST", "/api/v1/keys", { name: "bench search", actions: ["search"], indexes: ["wordnet"] })).json.key as string;

    // The fast lane against Next's pipeline and bare node:http, in this order per client count.
    const viaKey = { authorization: `Bearer ${key}` };
    const viaNext = { ...viaKey, "x-indexhook-lane": "next" };
    await hammer(url, viaKey, CONCURRENCY, 2000);
    await hammer(url, viaNext, CONCURRENCY, 2000);
    const bareJson = await bareJsonServer();
    const lanes: Row[] = [];
    try {
      for (const clients of [CONCURRENCY, 1]) {
        const bare = await hammer(bareJson.url, {}, clients, DURATION_MS, bareJson.pid);
        const fast = await hammer(url, viaKey, clients, DURATION_MS, pid);
        const next = await hammer(url, viaNext, clients, DURATION_MS, pid);
        lanes.push(...laneRows(clients, bare, fast, next));
      }
    } finally {
      bareJson.close();
    }
    printTable(`search over HTTP: fast lane vs Next vs bare node:http, ${docs.length.toLocaleString("en-US")} wordnet docs, search API key, ${DURATION_MS / 1000} s per row`, lanes);

    const steady = await load(url, auth, DURATION_MS, pid);
    // The same with a search API key (what browsers and apps send) instead of the master key.
    const withKey = await load(url, { authorization: `Bearer ${key}` }, DURATION_MS, pid);
    // p99 while a deploy of the same index runs.
    await call("POST", "/api/v1/webhooks/wordnet/notify", { upsert: docs.slice(0, 1000).map((d) => ({ ...d, title: d.title + " x" })) });
    const uid = (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid;
    const during = await load(url, auth, DURATION_MS, pid);
    await settle(call, uid, 600_000);
    const loadMs = [...server.logs().matchAll(/loaded dep_\w+ \([\d.]+ MB\) in (\d+) ms/g)].map((m) => Number(m[1]));

    printTable(`search over HTTP, ${CONCURRENCY} concurrent, ${docs.length.toLocaleString("en-US")} wordnet docs`, [
      { setup: "raw Orama in-process (sequential)", requests: rawTimes.length, errors: 0, "p50 ms": pct(rawTimes, 50), "p95 ms": pct(rawTimes, 95), "p99 ms": pct(rawTimes, 99), "req/s": "" },
      row("bare node:http + Orama", bareLoad),
      row("bare node:http + Orama + result cache (HTTP ceiling)", bareCachedLoad),
      row("Indexhook (target p99 ≤ 20 ms, ≥ 1,000 req/s)", steady),
      row("Indexhook, search API key instead of the master key", withKey),
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
