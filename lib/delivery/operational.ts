// Operational events: what happened to hooks (disabled, failing, recovered, a delivery given up), written
// to the append-only operational_events log in the transaction that changes the hook or delivery, and
// delivered to `operational` hooks from their cursor like any other log. An operational hook never
// receives events about itself: its own failure would otherwise be queued to the hook that is failing.
import { and, asc, gt, ne } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { appendingEvents } from "../db/lock";
import { operationalEvents, type Hook, type OperationalEventType } from "../db/schema/hooks";

export type OperationalEvent = { type: OperationalEventType; hookUuid: string; reason: string; at: string };

/** Appends one event; call inside the transaction that makes the change it reports. */
export async function writeOperationalEvent(tx: DbOrTx, type: OperationalEventType, hookUuid: string, reason: string, at = new Date()): Promise<void> {
  // Same rule as the other logs: ids commit in order (cursors never skip a row) and loops wake on commit.
  await appendingEvents(tx);
  await tx.insert(operationalEvents).values({ type, hookUuid, reason: reason.slice(0, 1000), at });
}

/** One event as it is sent (a pushed delivery's body) and polled (an item of a page), with the fields the issue names. */
function operationalEvent(e: { type: OperationalEventType; hookUuid: string; reason: string; at: Date }): OperationalEvent {
  return { type: e.type, hookUuid: e.hookUuid, reason: e.reason, at: e.at.toISOString() };
}

/**
 * The next events for an operational hook: `limit` of them (one per pushed delivery: they are rare, and a
 * receiver acts on each; a poll page takes more), skipping events about the hook itself. `count: 0` with
 * a lastId means "only skipped rows".
 */
export async function nextOperational(tx: DbOrTx, hook: Pick<Hook, "uuid" | "cursor">, limit = 1) {
  const page = Math.max(200, limit * 2);
  const rows = await tx.select().from(operationalEvents).where(gt(operationalEvents.id, hook.cursor)).orderBy(asc(operationalEvents.id)).limit(page);
  if (!rows.length) return null;
  const about = rows.filter((r) => r.hookUuid !== hook.uuid);
  // Only events about itself: consumed (the cursor passes them), nothing to send.
  if (!about.length) return { lastId: rows[rows.length - 1].id, count: 0, body: "", more: rows.length === page, event: "operational", items: [] };
  const taken = about.slice(0, limit);
  const last = taken[taken.length - 1];
  const more = rows.length === page || about.length > taken.length;
  const items = taken.map(operationalEvent);
  return { lastId: last.id, count: taken.length, body: JSON.stringify(items[0]), more, event: taken[0].type, items };
}

/** Events an operational hook has not received yet (about other hooks). */
export function operationalBacklogWhere(hook: Pick<Hook, "uuid" | "cursor">) {
  return and(gt(operationalEvents.id, hook.cursor), ne(operationalEvents.hookUuid, hook.uuid));
}

export const SAMPLE_OPERATIONAL: OperationalEvent = {
  type: "hook.failing",
  hookUuid: "00000000-0000-4000-8000-000000000001",
  reason: "HTTP 503 (sample event)",
  at: "1970-01-01T00:00:00.000Z",
};
