// Nothing is lost under failure: 10,000 changes through a receiver answering 500 three times in ten,
// then 20 SIGKILLs of the sending worker between its send and its record (Postgres: separate worker
// processes; PGlite, one process only: the whole server is killed and restarted, fewer times).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { api, settle, startServer } from "../testing/server";
import { startReceiver, type Receiver, type Received } from "../testing/receiver";
import { hookClient } from "../testing/hooks";
import { pidOfPeer } from "../testing/peer-pid";

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => {});
});

async function setup(extra: Record<string, string>) {
  const server = await startServer({ ALLOWED_IP_NETWORKS: "127.0.0.1/32", HOOK_RETRY_SCALE: "0.001", HOOK_LEASE_MS: "1000", ...extra });
  const hooks = hookClient(server);
  cleanup.push(() => server.stop(), () => hooks.close());
  const call = api(server);
  expect((await call("POST", "/api/v1/indexes", { id: "chaos", name: "chaos", schema: { n: "number" } })).status).toBe(201);
  return { server, hooks, call };
}

async function feed(call: ReturnType<typeof api>, rounds: number, size: number, from = 0) {
  for (let r = 0; r < rounds; r++) {
    const docs = Array.from({ length: size }, (_, i) => ({ id: `d${from + r * size + i}`, n: r }));
    if (docs.length) expect((await call("POST", "/api/v1/webhooks/chaos/notify", { upsert: docs })).status).toBe(202);
    // A deploy whose worker was killed is retried once, then failed; its changes go back to the
    // queue, so deploying again delivers them.
    for (let tries = 0; tries < 5; tries++) {
      const done = await settle(call, (await call("POST", "/api/v1/webhooks/chaos/deploy")).json.taskUid, 60_000);
      if (done.status === "succeeded") break;
    }
  }
}

/** Every key arrived; a webhook-id seen twice carried the very same body (a retry, not a new batch). */
async function expectAllOnce(rx: Receiver, keys: number, accepted: (q: Received) => boolean) {
  const deadline = Date.now() + 60_000;
  const got = () => new Set(rx.requests.filter(accepted).flatMap((q) => JSON.parse(q.body).changes.map((c: { key: string }) => c.key)));
  while (got().size < keys && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(got().size).toBe(keys);
  const bodies = new Map<string, string>();
  for (const q of rx.requests) {
    const id = q.headers["webhook-id"];
    if (bodies.has(id)) expect(bodies.get(id)).toBe(q.body);
    bodies.set(id, q.body);
  }
  // Different deliveries never carry the same key twice here (each key changes once).
  const perKey = [...bodies.values()].flatMap((b) => JSON.parse(b).changes.map((c: { key: string }) => c.key));
  expect(perKey.length).toBe(keys);
}

describe("chaos", () => {
  it("30 % random 500s over 10,000 changes: all delivered, duplicates only under the same webhook-id", async () => {
    const { hooks, call } = await setup({});
    const outcome = new WeakMap<Received, number>();
    // Seeded (mulberry32) so a run is reproducible, and the first request always fails: with ~10
    // requests in all, unseeded 30 % could pick none (0.7^10 ≈ 3 %) and the retry path go untested.
    let seed = 0x1dc0ffee;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let first = true;
    const rx = await startReceiver((q) => {
      const status = first || random() < 0.3 ? 500 : 200;
      first = false;
      outcome.set(q, status);
      return { status };
    });
    cleanup.push(() => rx.close());
    await hooks.create({ url: rx.url, filters: { indexes: ["chaos"] } });
    await feed(call, 5, 2000);
    await expectAllOnce(rx, 10_000, (q) => outcome.get(q) === 200);
    expect(rx.requests.some((q) => outcome.get(q) === 500)).toBe(true);
  }, 120_000);

  it("SIGKILL of the sender between send and record, again and again: nothing lost", async () => {
    const pg = Boolean(process.env.TEST_DATABASE_URL);
    const kills = pg ? 20 : 3;
    const { server, hooks, call } = await setup(pg ? { WORKER: "off", DEPLOY_STALE_MS: "1500" } : {});
    const workers = new Set<ChildProcess>();
    const spawnWorker = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], { cwd: process.cwd(), env: { ...process.env, ...server.env, WORKER: "inline" }, stdio: "ignore" });
      workers.add(child);
      child.once("exit", () => workers.delete(child));
    };
    cleanup.push(async () => workers.forEach((w) => w.kill("SIGKILL")));
    if (pg) [1, 2].forEach(spawnWorker);
    let killed = 0;
    let restarting: Promise<void> | undefined;
    const rx = await startReceiver(async (q, i) => {
      // Two kills, then one success: each delivery is resent twice after its sender died.
      if (killed >= kills || i % 3 === 0) return { status: 200 };
      killed++;
      if (pg) {
        const pid = pidOfPeer(q.remotePort, [...workers].map((w) => w.pid!));
        const victim = [...workers].find((w) => w.pid === pid);
        if (!victim) throw new Error("sender not found among the workers");
        victim.kill("SIGKILL");
        spawnWorker();
      } else {
        // Set before the crash so a call failing under it knows to wait for the restart.
        restarting = server.crash().then(() => server.restart());
        await restarting.catch(() => {});
      }
      return "drop";
    });
    cleanup.push(() => rx.close());
    await hooks.create({ url: rx.url, filters: { indexes: ["chaos"] } });
    // Small deploys, one after another, until every kill has landed: each kill hits one delivery.
    let fed = 0;
    const deadline = Date.now() + 100_000;
    while (killed < kills && Date.now() < deadline) {
      if (restarting) await restarting;
      // On PGlite the server may die under this very call: wait for it and feed the same keys again.
      for (let tries = 0; ; tries++) {
        const ok = await feed(call, 1, 15, fed).then(() => true, (err) => (tries >= 3 ? Promise.reject(err) : false));
        if (ok) break;
        await restarting;
      }
      fed += 15;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(killed).toBe(kills);
    if (restarting) await restarting;
    await expectAllOnce(rx, fed, () => true);
  }, 150_000);
});
