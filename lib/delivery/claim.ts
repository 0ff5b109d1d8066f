// One step of a hook's outbox, under the hook row lock (FOR UPDATE SKIP LOCKED, so concurrent workers
// pass over a hook another one is handling): lease the open delivery if it is due, or else turn the
// events after the cursor into a new delivery and advance the cursor in the same transaction.
// A rate-limited hook is claimed only once its next_send_at has come, and each claim moves that time
// on by 1 s / rateLimit in the same transaction: the hook row lock makes it hold across processes
// (lib/delivery/rate.ts).
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { DbHandle, DbOrTx, Tx } from "../db";
import { changeEvents } from "../db/schema/deployments";
import { deliveries, hooks, taskEvents, type Delivery, type Hook } from "../db/schema/hooks";
import { env } from "../env";
import { newId } from "../ids";
import { ChangeBatch, MAX_BATCH_BYTES, MAX_BATCH_CHANGES } from "./coalesce";
import { newWebhookId } from "../net/signing";
import { CONTENT_TYPE, tasksBody } from "./payloads";
import { nextOperational } from "./operational";
import { rateSlot, spendRate } from "./rate";

/**
 * `more`: there may be something else to send right after this one (a cut batch, or a backlog behind a retry).
 * `sendAt`: not before this time (a rate-limited hook's slot; at most RATE_LEAD_MS ahead, lib/delivery/rate.ts).
 */
export type Claimed = { hook: Hook; delivery: Delivery; lease: Date; more: boolean; sendAt?: Date };

const MIN_PAGE = 200;
export const leaseUntil = (now = Date.now()) => new Date(now + env().HOOK_LEASE_MS);

/** The oldest undelivered (pending or failed) delivery of a hook: sent before anything newer. */
export async function openDelivery(tx: Tx, hookUuid: string): Promise<Delivery | undefined> {
  const [d] = await tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.hookUuid, hookUuid), inArray(deliveries.status, ["pending", "failed"]), ne(deliveries.event, "test")))
    .orderBy(asc(deliveries.createdAt))
    .limit(1);
  return d;
}

/**
 * Something to send now for this hook (leased to the caller), or null: nothing due, or busy elsewhere.
 * Round trips are what a claim costs (PGlite and Postgres alike), so a new delivery is inserted in the
 * statement that advances the cursor. The open delivery is read in its own statement, after the lock:
 * joined into the locking query it would come from that statement's snapshot, which on Postgres can
 * predate the commit of the sender that just released the lock (its new delivery unseen: two in flight).
 */
export async function claimNextDelivery(h: DbHandle, hookUuid: string, held: { until?: Date } = {}): Promise<Claimed | null> {
  return h.db.transaction(async (tx) => {
    // Poll hooks are never pushed: they are read through GET …/events.
    const [hook] = await tx
      .select()
      .from(hooks)
      .where(and(eq(hooks.uuid, hookUuid), eq(hooks.paused, false), eq(hooks.mode, "push")))
      .for("update", { skipLocked: true });
    if (!hook) return null;
    const now = new Date();
    // A rate-limited hook's request goes out at its slot (lib/delivery/rate.ts); held back further ahead.
    const slot = rateSlot(hook, now);
    if ("heldUntil" in slot) {
      held.until = slot.heldUntil;
      return null;
    }
    const { sendAt } = slot;
    const lease = leaseUntil(sendAt.getTime());
    const open = await openDelivery(tx, hookUuid);
    if (open) {
      // Leased and not expired: another sender has it. An expired lease means that sender died: resend.
      if ((open.lockedUntil && open.lockedUntil > now) || open.nextAttemptAt > now) return null;
      await spendRate(tx, hook, sendAt);
      const [delivery] = await tx.update(deliveries).set({ lockedUntil: lease }).where(eq(deliveries.id, open.id)).returning();
      return { hook, delivery, lease, more: true, sendAt };
    }
    const next = hook.kind === "changes" ? await nextChanges(tx, hook) : hook.kind === "tasks" ? await nextTasks(tx, hook) : await nextOperational(tx, hook);
    if (!next) return null;
    if (!next.count) {
      if (next.lastId > hook.cursor) await tx.update(hooks).set({ cursor: next.lastId }).where(eq(hooks.uuid, hookUuid));
      return null;
    }
    await spendRate(tx, hook, sendAt);
    const delivery = await insertDelivery(h, tx, hook, next, now, lease);
    return { hook, delivery, lease, more: next.more, sendAt };
  });
}

/** Inserts the delivery and advances the hook's cursor in one statement; created_at is the database's now(), as before. */
async function insertDelivery(h: DbHandle, tx: Tx, hook: Hook, next: NonNullable<Next>, now: Date, lease: Date): Promise<Delivery> {
  const d = {
    id: newId("dlv"),
    hookUuid: hook.uuid,
    webhookId: newWebhookId(),
    event: next.event ?? hook.kind,
    contentType: CONTENT_TYPE[hook.kind],
    body: next.body,
    eventCount: next.count,
  };
  const rows = await h.rows<{ created_ms: number | string }>(sql`
    with advanced as (update ${hooks} set cursor = ${next.lastId} where uuid = ${hook.uuid} and cursor < ${next.lastId})
    insert into ${deliveries} (id, hook_uuid, webhook_id, event, content_type, body, event_count, next_attempt_at, locked_until)
    values (${d.id}, ${d.hookUuid}, ${d.webhookId}, ${d.event}, ${d.contentType}, ${d.body}, ${d.eventCount}, ${now.toISOString()}::timestamptz, ${lease.toISOString()}::timestamptz)
    returning (extract(epoch from created_at) * 1000)::float8 as created_ms`, tx);
  return {
    ...d,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    lockedUntil: lease,
    lastStatusCode: null,
    createdAt: new Date(Math.floor(Number(rows[0].created_ms))),
    deliveredAt: null,
  };
}

/** `items`: what the body carries (changes or tasks), for the poll endpoint, which answers them as JSON.
 * `event`: the delivery's event name when it is not the hook's kind (an operational event's type). */
export type Next = { lastId: number; count: number; body: string; more: boolean; items: Record<string, unknown>[]; event?: string } | null;

/**
 * A batch of the hook's changes after its cursor. The poll endpoint reads with its own `cap` (changes
 * per page) and `scanLimit` (log rows per request: a page of a hook whose filters skip most of a long
 * log ends early, `more` set, instead of reading it all in one request).
 */
export async function nextChanges(tx: DbOrTx, hook: Pick<Hook, "filters" | "cursor">, cap = MAX_BATCH_CHANGES, scanLimit = Infinity): Promise<Next> {
  const batch = new ChangeBatch(hook.filters, cap);
  let after = hook.cursor;
  let full = false;
  let scanned = 0;
  for (;;) {
    // Just enough rows to fill the batch plus the one that tells it is full (a floor keeps heavily
    // coalescing logs from paging in tiny steps): a 1,000-change batch reads 1,001 rows, not 2,000.
    const page = Math.max(MIN_PAGE, cap - batch.size + 1);
    const rows = await tx
      .select({ id: changeEvents.id, indexId: changeEvents.indexId, type: changeEvents.type, key: changeEvents.key, value: changeEvents.value, updates: changeEvents.updates })
      .from(changeEvents)
      .where(gt(changeEvents.id, after))
      .orderBy(asc(changeEvents.id))
      .limit(page);
    if (!rows.length) break;
    for (const r of rows) {
      if (batch.add(r)) continue;
      full = true;
      break;
    }
    if (full || rows.length < page) break;
    after = rows[rows.length - 1].id;
    scanned += rows.length;
    if (scanned >= scanLimit) {
      full = true;
      break;
    }
  }
  if (batch.lastId === 0) return null;
  return { lastId: batch.lastId, count: batch.size, body: batch.body(), more: full, items: batch.changes() };
}

/** Task hooks filter by index only; tasks are not coalesced (each finished task is its own line). */
export async function nextTasks(tx: DbOrTx, hook: Pick<Hook, "filters" | "cursor">, cap = MAX_BATCH_CHANGES): Promise<Next> {
  const rows = await tx.select().from(taskEvents).where(gt(taskEvents.id, hook.cursor)).orderBy(asc(taskEvents.id)).limit(cap);
  if (!rows.length) return null;
  const { indexes } = hook.filters;
  const picked: Record<string, unknown>[] = [];
  let lastId = hook.cursor;
  let bytes = 0;
  let more = rows.length === cap;
  for (const r of rows) {
    const line = JSON.stringify(r.task).length + 1;
    if (picked.length && bytes + line > MAX_BATCH_BYTES) {
      more = true;
      break;
    }
    lastId = r.id;
    if (indexes !== "all" && !indexes.includes(r.indexId)) continue;
    picked.push(r.task);
    bytes += line;
  }
  return { lastId, count: picked.length, body: picked.length ? tasksBody(picked) : "", more, items: picked };
}

/** Hooks worth a look: push hooks not paused (poll hooks are never pushed). Cheap enough to run every poll (at most 20 hooks per instance). */
export async function activeHookIds(h: DbHandle): Promise<string[]> {
  const rows = await h.db.select({ uuid: hooks.uuid }).from(hooks).where(and(eq(hooks.paused, false), eq(hooks.mode, "push")));
  return rows.map((r) => r.uuid);
}
