// Sends one leased delivery through the SSRF guard and records the attempt: 2xx delivers, anything
// else (3xx included, timeouts) schedules a retry; 410, a refusal by the guard and long failure runs
// pause the hook.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbHandle } from "../db";
import { deliveries, deliveryAttempts, hooks, type Delivery, type Hook } from "../db/schema/hooks";
import { env } from "../env";
import { recordAutoPause, recordDeliveryAttempt } from "../metrics";
import { recordAudit } from "../audit/record";
import { errorReason, ownInspectorTarget, safeRequest, SsrfError } from "../net/outbound";
import { parseRetryAfter, retryDelayMs } from "./backoff";
import { signedHeaders } from "./headers";
import { writeOperationalEvent } from "./operational";
import { paceAfter, pacedNextSendAt } from "./rate";
import { failureReason, transformRequest, type OutgoingRequest } from "./transform";

/** engine: normal outbox delivery; replay: a user's resend; test: a one-shot sample event. */
export type SendMode = "engine" | "replay" | "test";

/**
 * `refused`: the SSRF guard refused the URL for good (not a DNS hiccup): retrying cannot help.
 * `cancelled`: the hook's transformation returned `cancel: true`; nothing was sent.
 */
export type AttemptResult = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null; response: string | null; retryAfterMs?: number; refused?: boolean; cancelled?: boolean };

/** The pausedReason of a hook whose URL the guard refused; cleared when its URL changes. */
export const REFUSED_PREFIX = "refused: ";

/** The attempt-log line of a cancelled delivery (an attempt with neither status code nor error). */
export const CANCELLED_RESPONSE = "cancelled by the transformation: nothing was sent";

/** What one attempt sends: the stored delivery as is, or what the hook's transformation made of it. */
async function outgoing(hook: Hook, delivery: Delivery): Promise<OutgoingRequest | AttemptResult> {
  const plain = { method: "POST", url: hook.url, headers: hook.headers, contentType: delivery.contentType, body: delivery.body };
  if (!hook.transformation) return plain;
  const t = await transformRequest(hook.transformation, plain);
  if (!t.ok) return { ok: false, statusCode: null, latencyMs: t.durationMs, error: failureReason(t.error), response: null };
  if (t.cancel) return { ok: false, cancelled: true, statusCode: null, latencyMs: t.durationMs, error: null, response: CANCELLED_RESPONSE };
  return t.request;
}

export async function attempt(hook: Hook, delivery: Delivery): Promise<AttemptResult> {
  const out = await outgoing(hook, delivery);
  if ("latencyMs" in out) return out;
  // Signed over the body actually sent; the transformation's headers stand in for the hook's custom ones.
  const headers = signedHeaders({ ...hook, headers: out.headers }, { webhookId: delivery.webhookId, contentType: out.contentType, body: out.body });
  const started = performance.now();
  // The request must end well inside the lease, or another worker would resend it concurrently.
  const timeoutMs = Math.min(30_000, Math.floor(env().HOOK_LEASE_MS / 2));
  try {
    // One of our own inspector bins goes to the listening server over loopback; nothing else is opened.
    const own = ownInspectorTarget(out.url);
    const res = await safeRequest(own?.url ?? out.url, { method: out.method, headers, body: out.body, connectTimeoutMs: Math.min(10_000, timeoutMs), timeoutMs, allow: own?.allow });
    const ok = res.status >= 200 && res.status < 300;
    const retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
    return { ok, statusCode: res.status, latencyMs: res.latencyMs, error: ok ? null : `HTTP ${res.status}`, response: res.body.slice(0, 4096), retryAfterMs };
  } catch (err) {
    // Network errors are retried; a refusal by the guard is permanent (it says so on the error) and
    // pauses the hook instead of backing off, like Svix disabling an endpoint. A URL a transformation
    // chose is its own problem: that attempt fails and is retried, the hook's stored URL stays good.
    const moved = out.url !== hook.url;
    const refused = err instanceof SsrfError && err.permanent && !moved;
    const reason = err instanceof SsrfError ? `SSRF: ${err.message}${moved ? " (the URL the transformation chose)" : ""}` : errorReason(err);
    return { ok: false, statusCode: null, latencyMs: Math.round(performance.now() - started), error: reason, response: null, refused };
  }
}

/** Records the attempt and its consequences in one transaction; returns the delivery as it now is. */
export async function record(h: DbHandle, hook: Hook, delivery: Delivery, lease: Date, r: AttemptResult, mode: SendMode): Promise<Delivery | undefined> {
  const now = new Date();
  if (r.cancelled) return recordCancelled(h, delivery, lease, r, mode, now);
  // The common case (a success that changes nothing on the hook) is one statement, so one round trip
  // instead of four: the attempt row and the lease-guarded update commit together, as before.
  // A rate-limited hook's next request waits 1 s / rateLimit after this answer too (engine sends only):
  // then the receiver sees the spacing whatever the connection setup took. Written with the record.
  const paceTo = mode === "engine" ? paceAfter(hook, now) : null;
  if (r.ok && (!hook.failingSince || mode === "test")) return recordSuccess(h, hook, delivery, lease, r, now, paceTo);
  return h.db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({ deliveryId: delivery.id, at: now, statusCode: r.statusCode, latencyMs: r.latencyMs, error: r.error, response: r.response });
    const attempts = delivery.attempts + 1;
    // A replay of a delivered one stays delivered; a test is one-shot: it never joins the retry queue.
    const status = r.ok ? "succeeded" : mode === "test" || delivery.status === "dead" ? "dead" : mode === "replay" && delivery.status === "succeeded" ? "succeeded" : "failed";
    // A refused delivery waits for no backoff: the hook is paused below, and a resume sends it at once.
    const retryAt = r.refused ? now : new Date(now.getTime() + retryDelayMs(attempts, r.retryAfterMs));
    const [updated] = await tx
      .update(deliveries)
      .set({
        status,
        attempts,
        lastStatusCode: r.statusCode,
        lockedUntil: null,
        ...(r.ok ? { deliveredAt: now } : status === "failed" ? { nextAttemptAt: retryAt } : {}),
      })
      // Only while the lease is ours: if it ran out and another worker resent, its record wins.
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.lockedUntil, lease)))
      .returning();
    if (!updated) return updated;
    if (paceTo) await tx.update(hooks).set({ nextSendAt: pacedNextSendAt(paceTo) }).where(eq(hooks.uuid, hook.uuid));
    // Operational events go into the log in this transaction, with the change they report.
    if (status === "dead" && delivery.status !== "dead") await writeOperationalEvent(tx, "delivery.exhausted", hook.uuid, `delivery ${delivery.id} (${delivery.event}) gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${r.error ?? "failed"}`, now);
    if (mode === "test") return updated;
    if (r.ok) {
      if (hook.failingSince) {
        const [recovered] = await tx.update(hooks).set({ failingSince: null }).where(and(eq(hooks.uuid, hook.uuid), isNotNull(hooks.failingSince))).returning({ since: hooks.uuid });
        if (recovered) await writeOperationalEvent(tx, "hook.recovered", hook.uuid, `HTTP ${r.statusCode} after failing since ${hook.failingSince.toISOString()}`, now);
      }
      return updated;
    }
    if (mode === "replay" && status !== "failed") return updated;
    // Only the first failure of a run sets failing_since (and says so); later ones leave it.
    const [began] = await tx.update(hooks).set({ failingSince: now }).where(and(eq(hooks.uuid, hook.uuid), isNull(hooks.failingSince))).returning({ uuid: hooks.uuid });
    if (began) await writeOperationalEvent(tx, "hook.failing", hook.uuid, r.error ?? "failed", now);
    const since = hook.failingSince ?? now;
    const pause = r.refused
      ? `${REFUSED_PREFIX}${r.error}`
      : r.statusCode === 410
        ? "gone: 410"
        : now.getTime() - since.getTime() > env().HOOK_AUTO_PAUSE_AFTER_MS
          ? `auto: failing since ${since.toISOString()}`
          : null;
    if (pause) {
      const [paused] = await tx
        .update(hooks)
        .set({ paused: true, pausedReason: pause, updatedAt: now })
        .where(and(eq(hooks.uuid, hook.uuid), eq(hooks.paused, false)))
        .returning({ uuid: hooks.uuid });
      // The engine's own decision: recorded as the system's, once (a hook already paused is left alone).
      if (paused) {
        await writeOperationalEvent(tx, "hook.disabled", hook.uuid, pause, now);
        await recordAudit(tx, { type: "system", id: "delivery", name: "delivery engine" }, { action: "hook.auto_paused", target: { type: "hook", id: hook.uuid }, details: { reason: pause, deliveryId: delivery.id, statusCode: r.statusCode } });
        console.warn(`[indexhook] hook ${hook.uuid} paused (${pause})`);
        recordAutoPause(hook.uuid);
      }
    }
    return updated;
  });
}

/**
 * A delivery its transformation cancelled is done: status "cancelled", one attempt without status code
 * or error (metrics leave it out), and the hook is neither failing nor recovered by it.
 */
async function recordCancelled(h: DbHandle, delivery: Delivery, lease: Date, r: AttemptResult, mode: SendMode, now: Date): Promise<Delivery | undefined> {
  return h.db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({ deliveryId: delivery.id, at: now, statusCode: null, latencyMs: r.latencyMs, error: null, response: r.response });
    // A replay of a delivered one stays delivered: the receiver did get it once.
    const status = mode === "replay" && delivery.status === "succeeded" ? "succeeded" : "cancelled";
    const [updated] = await tx
      .update(deliveries)
      .set({ status, attempts: delivery.attempts + 1, lockedUntil: null })
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.lockedUntil, lease)))
      .returning();
    return updated;
  });
}

async function recordSuccess(h: DbHandle, hook: Hook, delivery: Delivery, lease: Date, r: AttemptResult, now: Date, paceTo: Date | null): Promise<Delivery | undefined> {
  const attempts = delivery.attempts + 1;
  const at = now.toISOString();
  // Only rate-limited hooks pay for the extra update (it runs only when the lease was still ours).
  const paced = paceTo
    ? sql`, paced as (
      update ${hooks} set next_send_at = ${pacedNextSendAt(paceTo)}
      where uuid = ${hook.uuid} and exists (select 1 from updated)
    )`
    : sql``;
  const rows = await h.rows<{ updated: number }>(sql`
    with updated as (
      update ${deliveries} set status = 'succeeded', attempts = ${attempts}, last_status_code = ${r.statusCode},
        locked_until = null, delivered_at = ${at}::timestamptz
      where id = ${delivery.id} and locked_until = ${lease.toISOString()}::timestamptz
      returning 1
    )${paced}, attempt as (
      insert into ${deliveryAttempts} (delivery_id, at, status_code, latency_ms, error, response)
      values (${delivery.id}, ${at}::timestamptz, ${r.statusCode}, ${r.latencyMs}, ${r.error}, ${r.response})
    )
    select count(*)::int as updated from updated`);
  // Only while the lease is ours: if it ran out and another worker resent, its record wins.
  if (!Number(rows[0]?.updated)) return undefined;
  return { ...delivery, status: "succeeded", attempts, lastStatusCode: r.statusCode, lockedUntil: null, deliveredAt: now };
}

export async function sendLeased(h: DbHandle, c: { hook: Hook; delivery: Delivery; lease: Date }, mode: SendMode = "engine") {
  const r = await attempt(c.hook, c.delivery);
  recordDeliveryAttempt(c.hook.uuid, r.cancelled ? "cancelled" : r.ok ? "success" : "failure", r.latencyMs);
  const delivery = await record(h, c.hook, c.delivery, c.lease, r, mode);
  return { result: r, delivery };
}
