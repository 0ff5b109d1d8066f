// The write verbs behind the API: replay a delivery now (same webhook-id) and send a test event.
// Both send from the calling process and answer with the outcome, so the dashboard can show it.
// A replay is an explicit resend: it may overlap the engine sending a newer delivery of the same hook
// (order is kept among the engine's sends, not against a person's replay), never the same delivery.
import "server-only";
import { and, eq } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { DbHandle } from "../db";
import { deliveries } from "../db/schema/hooks";
import { badRequest, conflict, notFound } from "../errors";
import { newId } from "../ids";
import { newWebhookId } from "../net/signing";
import { leaseUntil } from "./claim";
import { CONTENT_TYPE, sampleBody } from "./payloads";
import { deliveryDetail, hookOr404 } from "./queries";
import { sendLeased } from "./send";
import { wakeDelivery } from "../db/channels";

// Both are audited in the transaction that claims (replay) or creates (test) the delivery, before the
// HTTP request: the entry records that a person asked for the send, whatever its outcome.
export async function replayDelivery(h: DbHandle, uuid: string, id: string, ctx: AuditCtx) {
  const hook = await hookOr404(h.db, uuid);
  const lease = leaseUntil();
  const leased = await h.db.transaction(async (tx) => {
    const [d] = await tx.select().from(deliveries).where(and(eq(deliveries.id, id), eq(deliveries.hookUuid, uuid))).for("update");
    if (!d) throw notFound(`No delivery ${id} on hook ${uuid}.`);
    // Never two senders at once: a delivery the worker is sending now cannot be replayed meanwhile.
    if (d.lockedUntil && d.lockedUntil > new Date()) throw conflict(`Delivery ${id} is being sent right now; try again in a moment.`);
    const [row] = await tx.update(deliveries).set({ lockedUntil: lease }).where(eq(deliveries.id, id)).returning();
    await audit(tx, ctx, { action: "delivery.replayed", target: { type: "delivery", id }, details: { hook: uuid, webhookId: row.webhookId, event: row.event, previousStatus: d.status } });
    return row;
  });
  await sendLeased(h, { hook, delivery: leased, lease }, "replay");
  wakeDelivery(); // a failed one delivered by hand lets the hook's queue move on
  return deliveryDetail(h.db, uuid, id);
}

export async function sendTestEvent(h: DbHandle, uuid: string, ctx: AuditCtx) {
  const hook = await hookOr404(h.db, uuid);
  if (hook.mode === "poll") throw badRequest(`Hook ${uuid} is a poll hook: it has no URL to send a test event to.`, { mode: hook.mode });
  const lease = leaseUntil();
  const delivery = await h.db.transaction(async (tx) => {
    const [delivery] = await tx
      .insert(deliveries)
      .values({
        id: newId("dlv"),
        hookUuid: uuid,
        webhookId: newWebhookId(),
        event: "test",
        contentType: CONTENT_TYPE[hook.kind],
        body: sampleBody(hook.kind),
        eventCount: 1,
        lockedUntil: lease,
      })
      .returning();
    await audit(tx, ctx, { action: "hook.test_sent", target: { type: "hook", id: uuid }, details: { deliveryId: delivery.id, kind: hook.kind } });
    return delivery;
  });
  await sendLeased(h, { hook, delivery, lease }, "test");
  return deliveryDetail(h.db, uuid, delivery.id);
}
