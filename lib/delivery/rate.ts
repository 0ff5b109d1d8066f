// Per-hook rate limits, in one place: a hook with rateLimit r sends a request at most every 1 s / r.
// The claim gates on the hook's next_send_at and spends a slot (under the hook row lock, so it holds
// across processes); the record paces the next slot from the answer too, so the receiver sees the
// spacing whatever the connection setup took.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db";
import { hooks, type Hook } from "../db/schema/hooks";

/** How far ahead of its slot a rate-limited hook may be claimed (the sender then waits for the slot). */
export const RATE_LEAD_MS = 100;

const gapMs = (rateLimit: number) => Math.ceil(1000 / rateLimit);

/**
 * When a claim at `now` may send: now, or the hook's slot when that is at most RATE_LEAD_MS ahead (so the
 * time the claim takes to commit does not eat into the spacing). Further ahead it is held back until
 * RATE_LEAD_MS before the slot: the events stay in the log (coalescing there, as while paused).
 */
export function rateSlot(hook: Pick<Hook, "rateLimit" | "nextSendAt">, now: Date): { sendAt: Date } | { heldUntil: Date } {
  if (!hook.rateLimit || !hook.nextSendAt || hook.nextSendAt <= now) return { sendAt: now };
  if (hook.nextSendAt.getTime() - now.getTime() > RATE_LEAD_MS) return { heldUntil: new Date(hook.nextSendAt.getTime() - RATE_LEAD_MS) };
  return { sendAt: hook.nextSendAt };
}

/** A claim spends its slot: the hook's next request may start 1 s / rateLimit after this one's sendAt. */
export async function spendRate(tx: Tx, hook: Hook, sendAt: Date): Promise<void> {
  if (!hook.rateLimit) return;
  await tx.update(hooks).set({ nextSendAt: new Date(sendAt.getTime() + gapMs(hook.rateLimit)) }).where(eq(hooks.uuid, hook.uuid));
}

/** After an engine send answered at `now`: the hook's next slot is at least 1 s / rateLimit later (null: not rate-limited). */
export function paceAfter(hook: Pick<Hook, "rateLimit">, now: Date): Date | null {
  return hook.rateLimit ? new Date(now.getTime() + gapMs(hook.rateLimit)) : null;
}

/** next_send_at pushed to at least `paceTo`, never pulled back (for an update's SET, in a builder or a raw statement). */
export const pacedNextSendAt = (paceTo: Date) => sql`greatest(${hooks.nextSendAt}, ${paceTo.toISOString()}::timestamptz)`;
