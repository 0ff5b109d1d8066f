// Outbound delivery throughput and latency against a loopback receiver, next to a raw undici POST
// loop to the same receiver. The engine runs in this process on a fresh database (PGlite, or
// Postgres with TEST_DATABASE_URL). `npm run bench -- delivery [changes]` (default 20,000).
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { request, Agent } from "undici";
import { printTable, rate, type Row } from "./table";

const SERIAL = 300;
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

  const rows: Row[] = [
    { run: `serial, 1 change/POST (${SERIAL})`, "engine POST/s": rate(SERIAL, serialMs), "raw POST/s": rate(SERIAL, rawSmallMs), ratio: round(rawSmallMs / serialMs), "changes/s": rate(SERIAL, serialMs) },
    { run: `bulk, ${bulk.toLocaleString("en-US")} changes in ${bulkPosts} POSTs`, "engine POST/s": rate(bulkPosts, bulkMs), "raw POST/s": rate(bulkPosts, rawBigMs), ratio: round(rawBigMs / bulkMs), "changes/s": rate(bulk, bulkMs) },
  ];
  printTable(`delivery (${pg ? "Postgres" : "PGlite"}): engine vs raw undici to a loopback receiver (target ratio ≥ 0.60)`, rows);
  printTable("delivery: enqueue → delivered, 1 change at a time (target p50 ≤ 10 ms)", [
    { samples: lat.length, "p50 ms": round(pct(lat, 50)), "p90 ms": round(pct(lat, 90)), "p99 ms": round(pct(lat, 99)), "max ms": round(Math.max(...lat)) },
  ]);
  await agent.close();
  await rx.close();
  await h.close();
  await pg?.drop();
}
