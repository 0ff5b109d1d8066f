// Per-hook rate limits end to end: a real server (on Postgres plus two more worker processes claiming
// the same hook), real deploys, a real receiver on loopback timing each POST. At 1 request/s a burst of
// deploys arrives at most one POST a second and, in the end, every change in its last state.
import { spawn, type ChildProcess } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle } from "../testing/server";
import type { Receiver } from "../testing/receiver";
import { DELIVERY_ENV, serverSuite, type CreatedHook } from "../testing/fixture";
import { eventually, WAIT_MS } from "../testing/wait";

const suite = serverSuite(DELIVERY_ENV, { prefix: "rl", schema: { title: "string", year: "number" } });
const { call, newIndex, receiver, notify, deploy } = suite;
const createHook = (body: Record<string, unknown>) => suite.createHook<CreatedHook & { rateLimit: number | null }>(body);
const workers = new Set<ChildProcess>();
const pg = Boolean(process.env.TEST_DATABASE_URL);
beforeAll(() => {
  // On Postgres, two more worker processes claim the same hooks: the limit must hold across processes.
  if (pg)
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], { cwd: process.cwd(), env: { ...process.env, ...suite.server.env, WORKER: "inline" }, stdio: "ignore" });
      workers.add(child);
      child.once("exit", () => workers.delete(child));
    }
});
// Registered after the suite's: runs before it (vitest runs after-hooks in reverse), so the workers go first.
afterAll(() => workers.forEach((w) => w.kill("SIGKILL")));

const getHook = async (uuid: string) => (await call("GET", `/api/v1/hooks/${uuid}`)).json;

type Change = { type: string; key: string; value?: Record<string, unknown>; updates?: Record<string, unknown> };
/** What a receiver holds after applying every change it got, in order (upsert replaces, delete removes). */
function replayState(rx: Receiver): Map<string, Record<string, unknown>> {
  const state = new Map<string, Record<string, unknown>>();
  for (const q of rx.requests)
    for (const c of JSON.parse(q.body).changes as Change[]) {
      if (c.type === "delete") state.delete(c.key);
      else if (c.type === "upsert") state.set(c.key, c.value!);
      else state.set(c.key, { ...state.get(c.key), ...c.updates });
    }
  return state;
}

describe("rate limit", () => {
  it("is set on create and PATCH, cleared with null, refused out of range; reads carry it and the backlog", async () => {
    const rx = await receiver();
    const h = await createHook({ url: rx.url, rateLimit: 5 });
    expect(h.rateLimit).toBe(5);
    expect(await getHook(h.uuid)).toMatchObject({ rateLimit: 5, backlog: { events: 0, deliveries: 0 } });
    for (const bad of [0, -1, 1.5, "3", 1001]) {
      const r = await call("POST", "/api/v1/hooks", { url: rx.url, rateLimit: bad });
      expect(r.status, `rateLimit ${JSON.stringify(bad)}`).toBe(400);
      expect(r.json.error.code).toBe("invalid_request");
      const p = await call("PATCH", `/api/v1/hooks/${h.uuid}`, { rateLimit: bad });
      expect(p.status).toBe(400);
    }
    expect((await getHook(h.uuid)).rateLimit).toBe(5); // bad input changed nothing
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { rateLimit: 2 })).json.rateLimit).toBe(2);
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { url: rx.url })).json.rateLimit).toBe(2); // untouched when absent
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { rateLimit: null })).json.rateLimit).toBeNull();
    expect((await createHook({ url: rx.url })).rateLimit).toBeNull();
    const listed = (await call("GET", "/api/v1/hooks")).json.results.find((x: { uuid: string }) => x.uuid === h.uuid);
    expect(listed).toMatchObject({ rateLimit: null, backlog: { events: 0, deliveries: 0 } });
    // The audit entry of the PATCH names the field.
    const audit = await call("GET", `/api/v1/audit?targetType=hook&targetId=${h.uuid}`);
    expect(audit.status, audit.text).toBe(200);
    const updated = audit.json.results.filter((e: { action: string }) => e.action === "hook.updated");
    expect(updated.map((e: { details: { fields: string[] } }) => e.details.fields)).toContainEqual(["rateLimit"]);
  });

  it("the backlog counts the events a paused hook keeps (its filters applied), and empties on resume", async () => {
    const [id, other] = [await newIndex(), await newIndex()];
    const rx = await receiver();
    const h = await createHook({ url: rx.url, paused: true, filters: { indexes: [id] } });
    await notify(id, { upsert: [{ id: "a", title: "A", year: 1 }, { id: "b", title: "B", year: 2 }] });
    await notify(other, { upsert: [{ id: "x", title: "X", year: 1 }] });
    await deploy(id);
    await deploy(other);
    expect((await getHook(h.uuid)).backlog).toEqual({ events: 2, deliveries: 0 });
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { paused: false })).status).toBe(200);
    await rx.waitFor(1);
    await expect.poll(async () => (await getHook(h.uuid)).backlog, { timeout: WAIT_MS }).toEqual({ events: 0, deliveries: 0 });
  });

  it("1 request/s under a burst of deploys: no two POSTs closer than a second, and every change arrives", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const h = await createHook({ url: rx.url, rateLimit: 1, filters: { indexes: [id] } });
    // A free-running hook on the same index shows the burst would otherwise arrive much faster.
    const free = await receiver();
    await createHook({ url: free.url, filters: { indexes: [id] } });
    const expected = new Map<string, Record<string, unknown>>();
    const rounds = 8;
    for (let v = 1; v <= rounds; v++) {
      const docs = [
        { id: "hot", title: `hot-${v}`, year: v }, // the same key every round: coalesced while held back
        { id: `only-${v}`, title: `only-${v}`, year: v },
      ];
      for (const d of docs) expected.set(d.id, d);
      await notify(id, { upsert: docs });
      // Back to back: each deploy is its own batch of change events, as fast as the server deploys.
      const r = await call("POST", `/api/v1/webhooks/${id}/deploy`);
      expect(r.status, r.text).toBe(202);
      await settle(call, r.json.taskUid, 60_000);
    }
    // Wait for the last state of every key (event-driven: poll the receiver's state, not a fixed sleep).
    const done = () => {
      const got = replayState(rx);
      return [...expected].every(([k, v]) => isDeepStrictEqual(got.get(k), v));
    };
    await eventually(done, { timeoutMs: 45_000, intervalMs: 100 });
    expect(Object.fromEntries(replayState(rx))).toEqual(Object.fromEntries(expected));
    // Nothing more arrives once everything is in (a second past the last POST, the limit has passed).
    await expect.poll(async () => (await getHook(h.uuid)).backlog, { timeout: WAIT_MS }).toEqual({ events: 0, deliveries: 0 });

    const at = rx.requests.map((q) => q.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // Slots are 1 s apart and 1 s after the previous answer; allow a little for the receiver's own clock reading.
    expect(Math.min(...gaps), `gaps ${gaps.join(", ")} ms`).toBeGreaterThanOrEqual(1000 - 50);
    // (Coalescing while held back is checked where the timing is under control: rate-ops-claim.test.ts.)
    expect(rx.requests.length).toBeGreaterThanOrEqual(2); // or the spacing above was not measured
    expect(free.requests.length).toBeGreaterThan(0);
    // Per key, order held: the hot key's versions only ever go up.
    const hot = rx.requests.flatMap((q) => (JSON.parse(q.body).changes as Change[]).filter((c) => c.key === "hot").map((c) => c.value!.year as number));
    expect(hot).toEqual([...hot].sort((a, b) => a - b));
    expect(hot.at(-1)).toBe(rounds);
  }, 90_000);

  it("retries count against the limit too", async () => {
    const id = await newIndex();
    // Fails three times (the retry ladder is scaled to ~10 ms), then accepts.
    const rx = await receiver((_q, i) => ({ status: i <= 3 ? 500 : 204 }));
    await createHook({ url: rx.url, rateLimit: 2, filters: { indexes: [id] } });
    await notify(id, { upsert: [{ id: "a", title: "A", year: 1 }] });
    await deploy(id);
    await rx.waitFor(4, WAIT_MS);
    const at = rx.requests.map((q) => q.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(Math.min(...gaps), `gaps ${gaps.join(", ")} ms`).toBeGreaterThanOrEqual(500 - 50);
  }, 40_000);
});
