// The claim and record statements on a real database (PGlite, or Postgres with TEST_DATABASE_URL):
// what the one-statement paths must keep — lease, cursor, created_at order, attempt log, lease guard.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { changeEvents } from "../db/schema/deployments";
import { deliveries, deliveryAttempts, hooks } from "../db/schema/hooks";
import { freshDb } from "../testing/db";
import { claimNextDelivery } from "./claim";
import { record, type AttemptResult } from "./send";

let h: DbHandle;
const ok: AttemptResult = { ok: true, statusCode: 204, latencyMs: 3, error: null, response: "" };
const event = (key: string, n: number) => ({ indexId: "movies", deploymentId: "dep_1", type: "upsert" as const, key, value: { id: key, n } });

beforeAll(async () => {
  h = await freshDb();
  await h.db.insert(hooks).values({ uuid: "h1", kind: "changes", url: "http://127.0.0.1:1/x", secret: `whsec_${randomBytes(24).toString("base64")}`, token: "t" });
});
afterAll(() => h?.close());

describe("claim and record", () => {
  it("creates a leased delivery that matches its row, advances the cursor, and records a success once", async () => {
    await h.db.insert(changeEvents).values([event("a", 1), event("a", 2), event("b", 1)]);
    const c = (await claimNextDelivery(h, "h1"))!;
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, c.delivery.id));
    expect(c.delivery).toEqual(row);
    expect(JSON.parse(row.body).changes.map((x: { key: string }) => x.key)).toEqual(["a", "b"]);
    const [hook] = await h.db.select().from(hooks);
    expect(hook.cursor).toBe(Math.max(...(await h.db.select().from(changeEvents)).map((e) => e.id)));
    // While leased nobody else gets it.
    expect(await claimNextDelivery(h, "h1")).toBeNull();

    const done = await record(h, c.hook, c.delivery, c.lease, ok, "engine");
    const [after] = await h.db.select().from(deliveries).where(eq(deliveries.id, c.delivery.id));
    expect(done).toEqual(after);
    expect(after).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 204, lockedUntil: null });
    expect(await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, c.delivery.id))).toHaveLength(1);
  });

  it("logs an attempt whose lease ran out but leaves the delivery to the one who holds it now", async () => {
    await h.db.insert(changeEvents).values([event("c", 1)]);
    const first = (await claimNextDelivery(h, "h1"))!;
    // The lease expires and another sender takes the same delivery (same webhook-id).
    await h.db.update(deliveries).set({ lockedUntil: new Date(Date.now() - 1) }).where(eq(deliveries.id, first.delivery.id));
    const second = (await claimNextDelivery(h, "h1"))!;
    expect(second.delivery.id).toBe(first.delivery.id);
    expect(second.delivery.webhookId).toBe(first.delivery.webhookId);

    expect(await record(h, first.hook, first.delivery, first.lease, ok, "engine")).toBeUndefined();
    const [still] = await h.db.select().from(deliveries).where(eq(deliveries.id, first.delivery.id));
    expect(still.status).toBe("pending");
    expect(still.lockedUntil?.getTime()).toBe(second.lease.getTime());
    expect(await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, first.delivery.id))).toHaveLength(1);

    expect(await record(h, second.hook, second.delivery, second.lease, ok, "engine")).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, first.delivery.id))).toHaveLength(2);
  });

  it("sends an older open delivery before making a new one", async () => {
    await h.db.insert(changeEvents).values([event("d", 1)]);
    const older = (await claimNextDelivery(h, "h1"))!;
    await record(h, older.hook, older.delivery, older.lease, { ok: false, statusCode: 500, latencyMs: 1, error: "HTTP 500", response: "" }, "engine");
    await h.db.update(deliveries).set({ nextAttemptAt: new Date(Date.now() - 1) }).where(eq(deliveries.id, older.delivery.id));
    await h.db.insert(changeEvents).values([event("e", 1)]);
    const next = (await claimNextDelivery(h, "h1"))!;
    expect(next.delivery.id).toBe(older.delivery.id);
    expect(next.more).toBe(true);
    await record(h, next.hook, next.delivery, next.lease, ok, "engine");
    const newer = (await claimNextDelivery(h, "h1"))!;
    expect(JSON.parse(newer.delivery.body).changes[0].key).toBe("e");
    expect(newer.delivery.createdAt.getTime()).toBeGreaterThanOrEqual(older.delivery.createdAt.getTime());
  });
});
