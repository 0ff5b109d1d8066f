// Read side of the delivery log: a hook's deliveries newest first, and one with its attempts.
import "server-only";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db";
import { deliveries, deliveryAttempts, hooks, type Delivery, type Hook } from "../db/schema/hooks";
import type { DeliveryDetail, DeliverySummary } from "../contracts/deliveries";
import { notFound } from "../errors";
import { redactSentHeaders } from "../hooks/redact";
import { displayHeaders } from "./headers";

export async function hookOr404(db: Db, uuid: string): Promise<Hook> {
  const [hook] = await db.select().from(hooks).where(eq(hooks.uuid, uuid));
  if (!hook) throw notFound(`No hook ${uuid}.`);
  return hook;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(d: Delivery, latencyMs: number | null): DeliverySummary {
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    status: d.status,
    eventCount: d.eventCount,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    latencyMs,
    nextAttemptAt: d.status === "failed" || d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: iso(d.deliveredAt),
  };
}

type ListInput = { status?: Delivery["status"]; limit: number; before?: string };

export async function listDeliveries(db: Db, uuid: string, q: ListInput) {
  await hookOr404(db, uuid);
  // The latency of the last attempt, fetched alongside so the table needs one round trip.
  // Qualified by hand: drizzle leaves columns unqualified inside a select list, which is ambiguous here.
  const last = sql<number | null>`(select a.latency_ms from delivery_attempts a
    where a.delivery_id = "deliveries"."id" order by a.id desc limit 1)`;
  const rows = await db
    .select({ d: deliveries, latency: last })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.hookUuid, uuid),
        q.status ? eq(deliveries.status, q.status) : undefined,
        q.before ? lt(deliveries.createdAt, new Date(q.before)) : undefined,
      ),
    )
    .orderBy(desc(deliveries.createdAt))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    results: page.map((r) => summary(r.d, r.latency === null ? null : Number(r.latency))),
    next: rows.length > q.limit ? page[page.length - 1].d.createdAt.toISOString() : null,
  };
}

export async function deliveryDetail(db: Db, uuid: string, id: string): Promise<DeliveryDetail> {
  const hook = await hookOr404(db, uuid);
  const [d] = await db.select().from(deliveries).where(and(eq(deliveries.id, id), eq(deliveries.hookUuid, uuid)));
  if (!d) throw notFound(`No delivery ${id} on hook ${uuid}.`);
  const attempts = await db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(asc(deliveryAttempts.id));
  return {
    ...summary(d, attempts.at(-1)?.latencyMs ?? null),
    contentType: d.contentType,
    body: d.body,
    // Redacted for every role (the token, custom header values): the hook's reveal is the way to read them.
    headers: redactSentHeaders(displayHeaders(hook, d)),
    attemptLog: attempts.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, latencyMs: a.latencyMs, error: a.error, response: a.response })),
  };
}
