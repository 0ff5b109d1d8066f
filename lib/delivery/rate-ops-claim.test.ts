// The claim's rate gate and the operational log on a real database (PGlite, or Postgres with
// TEST_DATABASE_URL): slots 1 s / rateLimit apart, held-back events coalescing in the log; operational
// events written with the state change, read one per delivery, never about the reading hook.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "../db";
import { changeEvents } from "../db/schema/deployments";
import { deliveries, hooks, operationalEvents } from "../db/schema/hooks";
import { freshDb } from "../testing/db";
import { claimNextDelivery } from "./claim";
import { RATE_LEAD_MS } from "./rate";
import { record, type AttemptResult } from "./send";

let h: DbHandle;
const ok: AttemptResult = { ok: true, statusCode: 204, latencyMs: 3, error: null, response: "" };
const fail: AttemptResult = { ok: false, statusCode: 503, latencyMs: 3, error: "HTTP 503", response: "" };
const event = (key: string, n: number) => ({ indexId: "movies", deploymentId: "dep_1", type: "upsert" as const, key, value: { id: key, n } });
const secret = () => `whsec_${randomBytes(24).toString("base64")}`;

beforeAll(async () => {
  h = await freshDb();
  await h.db.insert(hooks).values([
    { uuid: "rated", kind: "changes", url: "http://127.0.0.1:1/x", secret: secret(), token: "t", rateLimit: 1 },
    { uuid: "ops", kind: "operational", url: "http://127.0.0.1:1/ops", secret: secret(), token: "t" },
  ]);
});
afterAll(() => h?.close());
afterEach(() => vi.useRealTimers()); // the rate gate's test fakes Date; a failure there must not leave it faked

describe("rate gate", () => {
  it("claims one slot per second; held back, later events wait in the log and coalesce", async () => {
    await h.db.insert(changeEvents).values([event("a", 1)]);
    const t0 = Date.now();
    const first = (await claimNextDelivery(h, "rated"))!;
    expect(first.sendAt!.getTime()).toBeGreaterThanOrEqual(t0 - 5);
    const [after] = await h.db.select().from(hooks).where(eq(hooks.uuid, "rated"));
    expect(after.nextSendAt!.getTime()).toBe(first.sendAt!.getTime() + 1000);
    const answered = Date.now();
    await record(h, first.hook, first.delivery, first.lease, ok, "engine");
    // The answer pushes the next slot to 1 s after it (the receiver sees the spacing whatever the connect took).
    const [recorded] = await h.db.select().from(hooks).where(eq(hooks.uuid, "rated"));
    expect(recorded.nextSendAt!.getTime()).toBeGreaterThanOrEqual(answered + 1000);

    await h.db.insert(changeEvents).values([event("a", 2), event("b", 1), event("a", 3)]);
    // The claims below read the clock at moments this test names (the answer; the held-back time), not
    // whenever a loaded machine gets to them: a claim 900 ms late would already be within the slot's lead.
    vi.useFakeTimers({ toFake: ["Date"], now: answered });
    const held: { until?: Date } = {};
    expect(await claimNextDelivery(h, "rated", held)).toBeNull();
    expect(held.until!.getTime()).toBe(recorded.nextSendAt!.getTime() - RATE_LEAD_MS);
    // Nothing left the log: the cursor did not move past the new events.
    expect((await h.db.select().from(hooks).where(eq(hooks.uuid, "rated")))[0].cursor).toBe(after.cursor);

    // At its slot (claimed a little ahead), the batch holds each key once, in its last state.
    vi.setSystemTime(held.until!);
    const second = (await claimNextDelivery(h, "rated"))!;
    vi.useRealTimers();
    expect(second.sendAt!.getTime()).toBe(recorded.nextSendAt!.getTime());
    expect(second.sendAt!.getTime() - first.sendAt!.getTime()).toBeGreaterThanOrEqual(1000);
    expect(JSON.parse(second.delivery.body).changes.map((c: { key: string; value: { n: number } }) => `${c.key}${c.value.n}`)).toEqual(["a3", "b1"]);
    await record(h, second.hook, second.delivery, second.lease, ok, "engine");
  });
});

describe("operational log", () => {
  it("a failure run writes one hook.failing, a success one hook.recovered, in the attempt's transaction", async () => {
    const [{ cursor }] = await h.db.select().from(hooks).where(eq(hooks.uuid, "ops"));
    await h.db.update(hooks).set({ rateLimit: null }).where(eq(hooks.uuid, "rated"));
    await h.db.insert(changeEvents).values([event("c", 1)]);
    const events = async () => (await h.db.select().from(operationalEvents)).filter((e) => e.id > cursor).map((e) => [e.type, e.hookUuid]);
    // Claim the open delivery again as soon as its retry is due (made due at once here).
    const claimDue = async () => {
      await h.db.update(deliveries).set({ nextAttemptAt: new Date(Date.now() - 1) }).where(eq(deliveries.hookUuid, "rated"));
      return (await claimNextDelivery(h, "rated"))!;
    };
    const c1 = await claimDue();
    await record(h, c1.hook, c1.delivery, c1.lease, fail, "engine");
    expect((await h.db.select().from(hooks).where(eq(hooks.uuid, "rated")))[0].failingSince).not.toBeNull();
    const c2 = await claimDue();
    expect(c2.delivery.id).toBe(c1.delivery.id);
    await record(h, c2.hook, c2.delivery, c2.lease, fail, "engine");
    expect(await events()).toEqual([["hook.failing", "rated"]]); // the second failure of the run adds nothing
    const c3 = await claimDue();
    await record(h, c3.hook, c3.delivery, c3.lease, ok, "engine");
    expect(await events()).toEqual([
      ["hook.failing", "rated"],
      ["hook.recovered", "rated"],
    ]);
    expect((await h.db.select().from(hooks).where(eq(hooks.uuid, "rated")))[0].failingSince).toBeNull();
  });

  it("an operational hook gets one event per delivery and skips those about itself", async () => {
    const [{ cursor }] = await h.db.select().from(hooks).where(eq(hooks.uuid, "ops"));
    await h.db.insert(operationalEvents).values({ type: "hook.failing", hookUuid: "ops", reason: "HTTP 500" });
    const first = (await claimNextDelivery(h, "ops"))!;
    expect(first.delivery.event).toBe("hook.failing");
    expect(JSON.parse(first.delivery.body)).toMatchObject({ type: "hook.failing", hookUuid: "rated", reason: "HTTP 503" });
    expect(Object.keys(JSON.parse(first.delivery.body)).sort()).toEqual(["at", "hookUuid", "reason", "type"]);
    expect(first.more).toBe(true);
    await record(h, first.hook, first.delivery, first.lease, ok, "engine");
    const second = (await claimNextDelivery(h, "ops"))!;
    expect(JSON.parse(second.delivery.body)).toMatchObject({ type: "hook.recovered", hookUuid: "rated" });
    expect(second.more).toBe(false);
    await record(h, second.hook, second.delivery, second.lease, ok, "engine");
    // Only the event about itself is left: consumed without a delivery.
    expect(await claimNextDelivery(h, "ops")).toBeNull();
    const [after] = await h.db.select().from(hooks).where(eq(hooks.uuid, "ops"));
    const [{ max }] = await h.rows<{ max: string }>(sql`select max(id)::text as max from operational_events`);
    expect(after.cursor).toBe(Number(max));
    expect(after.cursor).toBeGreaterThan(cursor);
  });
});
