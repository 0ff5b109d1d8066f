// Outbound delivery throughput and latency against a loopback receiver, next to a raw undici POST
// loop to the same receiver. The engine runs in this process on a fresh database (PGlite, or
// Postgres with TEST_DATABASE_URL). `npm run bench -- delivery [changes]` (default 20,000;
// BENCH_DELIVERY_SERIAL sets the serial run's count, default 300).
// Then the fan-out: the instance's full HOOK_LIMIT (20) hooks on one change stream (a small deploy
// every few ms), against 20 raw undici loops posting the same bodies at the same concurrency.
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { request, Agent } from "undici";
import { printTable, rate, type Row } from "./table";
import type { Received } from "../lib/testing/receiver";

const SERIAL = Number(process.env.BENCH_DELIVERY_SERIAL ?? 300);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const round = (v: number) => Math.round(v * 100) / 100;

export async function benchDelivery(): Promise<void> {
  // Before any module reads the environment: the receiver is on loopback.
  process.env.ALLOWED_IP_NETWORKS = "127.0.0.1/32";
  const bulk = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20_000);
  const { openDb } = await import("../lib/db/client");
  const { createPostgresDatabase, TEST_DATABASE_URL } = await import("../lib/testing/postgres");
  const { changeEvents } = await import("../lib/db/schema/deployments");
  const { hooks } = await import("../lib/db/schema/hooks");
  const { appendingEvents } = await import("../lib/db/lock");
  const { deliveryLoop } = await import("../lib/delivery/loop");
  const { startReceiver } = await import("../lib/testing/receiver");
  const { HOOK_LIMIT } = await import("../lib/contracts/hooks");

  const pg = TEST_DATABASE_URL ? await createPostgresDatabase() : undefined;
  const h = await openDb(pg ? { url: pg.url } : { pgliteDir: "memory://" });
  const rx = await startReceiver(() => ({ status: 204 }));
  const uuid = randomUUID();
  await h.db.insert(hooks).values({ uuid, kind: "changes", url: `${rx.url}/hook`, secret: `whsec_${randomBytes(24).toString("base64")}`, token: "bench" });
  const worker = deliveryLoop();
  await worker.start(h);

  const enqueue = (from: number, count: number) =>
    h.db.transaction(async (tx) => {
      await appendingEvents(tx);
      for (let i = 0; i < count; i += 1000) {
        const n = Math.min(1000, count - i);
        await tx.insert(changeEvents).values(Array.from({ length: n }, (_, j) => ({ indexId: "bench", deploymentId: "dep_bench", type: "upsert" as const, key: `k${from + i + j}`, value: { id: `k${from + i + j}`, title: "A title of a document", n: from + i + j } })));
      }
    });

  // Serial: one change, wait for its POST, repeat. Enqueue→delivered per change, and deliveries/s.
  const lat: number[] = [];
  const serialStart = performance.now();
  for (let i = 0; i < SERIAL; i++) {
    const t = performance.now();
    const want = rx.requests.length + 1;
    await enqueue(i, 1);
    await rx.waitFor(want);
    lat.push(performance.now() - t);
  }
  const serialMs = performance.now() - serialStart;
  const oneBody = rx.requests.at(-1)!.body;

  // Bulk: the hook paused while `bulk` changes accumulate, then resumed: batches of 1,000.
  await h.db.update(hooks).set({ paused: true }).where(eq(hooks.uuid, uuid));
  await enqueue(SERIAL, bulk);
  const before = rx.requests.length;
  const bulkStart = performance.now();
  await h.db.update(hooks).set({ paused: false }).where(eq(hooks.uuid, uuid));
  const keys = () => rx.requests.slice(before).reduce((s, q) => s + (JSON.parse(q.body).changes.length as number), 0);
  while (keys() < bulk) await new Promise((r) => setTimeout(r, 5));
  const bulkMs = performance.now() - bulkStart;
  const bulkPosts = rx.requests.length - before;
  const bigBody = rx.requests[before].body;
  await worker.stop();

  // Raw: the same bodies, POSTed one after another with undici and nothing else.
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const raw = async (body: string, n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await request(`${rx.url}/raw`, { method: "POST", body, headers: { "content-type": "application/json" }, dispatcher: agent });
      await res.body.dump();
    }
    return performance.now() - t;
  };
  const rawSmallMs = await raw(oneBody, SERIAL);
  const rawBigMs = await raw(bigBody, bulkPosts);

  const fan = await fanOut(h, rx, agent, enqueue, HOOK_LIMIT, SERIAL + bulk);

  const rows: Row[] = [
    { run: `serial, 1 change/POST (${SERIAL})`, "engine POST/s": rate(SERIAL, serialMs), "raw POST/s": rate(SERIAL, rawSmallMs), ratio: round(rawSmallMs / serialMs), "changes/s": rate(SERIAL, serialMs) },
    { run: `bulk, ${bulk.toLocaleString("en-US")} changes in ${bulkPosts} POSTs`, "engine POST/s": rate(bulkPosts, bulkMs), "raw POST/s": rate(bulkPosts, rawBigMs), ratio: round(rawBigMs / bulkMs), "changes/s": rate(bulk, bulkMs) },
  ];
  printTable(`delivery (${pg ? "Postgres" : "PGlite"}): engine vs raw undici to a loopback receiver (target ratio ≥ 0.60)`, rows);
  printTable(`delivery fan-out (${pg ? "Postgres" : "PGlite"}): ${HOOK_LIMIT} hooks on one change stream vs ${HOOK_LIMIT} raw undici loops, same bodies (target ratio ≥ 0.5, p50 ≤ 10 ms)`, fan);
  printTable("delivery: enqueue → delivered, 1 change at a time (target p50 ≤ 10 ms)", [
    { samples: lat.length, "p50 ms": round(pct(lat, 50)), "p90 ms": round(pct(lat, 90)), "p99 ms": round(pct(lat, 99)), "max ms": round(Math.max(...lat)) },
  ]);
  await agent.close();
  await rx.close();
  await h.close();
  await pg?.drop();
}

type Rx = Awaited<ReturnType<typeof import("../lib/testing/receiver").startReceiver>>;

/** CPU time of this process (the engine, the receiver, the generator, and PGlite when it is the database). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * `hooks` hooks on one change stream: a deploy of CHANGES_PER_DEPLOY changes every DEPLOY_EVERY_MS for
 * FAN_MS. Each change's enqueue→delivered time is taken per hook (commit → its POST arriving at the
 * receiver). Then the same bodies, POSTed by `hooks` raw undici loops (one per hook, in order).
 */
async function fanOut(
  h: Awaited<ReturnType<typeof import("../lib/db/client").openDb>>,
  rx: Rx,
  agent: Agent,
  enqueue: (from: number, count: number) => Promise<unknown>,
  hookCount: number,
  firstKey: number,
): Promise<Row[]> {
  const DEPLOY_EVERY_MS = 3;
  const CHANGES_PER_DEPLOY = 5;
  const FAN_MS = 4_000;
  const { hooks } = await import("../lib/db/schema/hooks");
  const { changeEvents } = await import("../lib/db/schema/deployments");
  const { deliveryLoop } = await import("../lib/delivery/loop");
  const { sql } = await import("drizzle-orm");
  await h.db.update(hooks).set({ paused: true }).where(eq(hooks.kind, "changes")); // the hook of the rows above
  const [{ head }] = await h.rows<{ head: number }>(sql`select coalesce(max(id), 0)::int as head from ${changeEvents}`);
  await h.db.insert(hooks).values(
    Array.from({ length: hookCount }, (_, i) => ({ uuid: randomUUID(), kind: "changes" as const, url: `${rx.url}/fan/${i}`, secret: `whsec_${randomBytes(24).toString("base64")}`, token: "bench", cursor: head })),
  );
  // Arrival time per request, taken when the receiver has the whole body (finer than Received.at).
  const arrivedAt = new Map<Received, number>();
  let seen = 0;
  rx.respond((req) => {
    arrivedAt.set(req, performance.now());
    if (req.path.startsWith("/fan/")) seen += (JSON.parse(req.body).changes as unknown[]).length;
    return { status: 204 };
  });
  const committedAt = new Map<string, number>();
  const before = rx.requests.length;
  const worker = deliveryLoop();
  await worker.start(h);
  const cpu0 = cpuMs();
  const start = performance.now();
  let next = firstKey;
  while (performance.now() - start < FAN_MS) {
    const from = next;
    next += CHANGES_PER_DEPLOY;
    await enqueue(from, CHANGES_PER_DEPLOY);
    const t = performance.now();
    for (let k = from; k < next; k++) committedAt.set(`k${k}`, t);
    await new Promise((r) => setTimeout(r, DEPLOY_EVERY_MS));
  }
  const total = (next - firstKey) * hookCount;
  const fanReqs = () => rx.requests.slice(before).filter((q) => q.path.startsWith("/fan/"));
  const deadline = performance.now() + 60_000;
  while (seen < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const engineMs = Math.max(...fanReqs().map((q) => arrivedAt.get(q) ?? 0)) - start;
  const engineCpu = cpuMs() - cpu0;
  await worker.stop();
  const posts = fanReqs();
  const lat: number[] = [];
  for (const q of posts) {
    const at = arrivedAt.get(q)!;
    for (const c of JSON.parse(q.body).changes as { key: string }[]) lat.push(at - committedAt.get(c.key)!);
  }

  // Raw: one loop per hook, each POSTing that hook's bodies in order, all loops at once.
  const lanes = new Map<string, string[]>();
  for (const q of posts) lanes.set(q.path, [...(lanes.get(q.path) ?? []), q.body]);
  const rawCpu0 = cpuMs();
  const rawStart = performance.now();
  await Promise.all(
    [...lanes.values()].map(async (bodies) => {
      for (const body of bodies) {
        const res = await request(`${rx.url}/raw`, { method: "POST", body, headers: { "content-type": "application/json" }, dispatcher: agent });
        await res.body.dump();
      }
    }),
  );
  const rawMs = performance.now() - rawStart;
  const rawCpu = cpuMs() - rawCpu0;
  const changes = next - firstKey;
  return [
    {
      run: `engine: ${hookCount} hooks, ${changes.toLocaleString("en-US")} changes (${CHANGES_PER_DEPLOY} per deploy every ${DEPLOY_EVERY_MS} ms)`,
      POSTs: posts.length,
      "POST/s": rate(posts.length, engineMs),
      "changes/POST": round(lat.length / posts.length),
      "p50 ms": round(pct(lat, 50)),
      "p99 ms": round(pct(lat, 99)),
      "CPU ms/POST": round(engineCpu / posts.length),
      delivered: `${lat.length}/${total}`,
    },
    { run: `raw undici: ${lanes.size} loops, the same bodies`, POSTs: posts.length, "POST/s": rate(posts.length, rawMs), "CPU ms/POST": round(rawCpu / posts.length) },
    { run: "ratio engine / raw (POST/s)", "POST/s": round(rawMs / engineMs) },
  ];
}
