// Brute-force protection for password sign-in, counted from the audit log (so it holds across
// replicas and restarts without a store of its own): after MAX_FAILURES failed sign-ins for one
// email within WINDOW_MS, that email cannot sign in — not even with the right password — until the
// oldest of those failures leaves the window. Counted by the email tried, known or not, so the lock
// says nothing about whether an account exists.
import { and, count, eq, gt, inArray, min, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { auditLog } from "../db/schema";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleState {
  locked: boolean;
  /** Seconds until the next attempt is considered (0 when not locked). */
  retryAfterS: number;
}

/**
 * Whether the audit entries matching `which` within the last `windowMs` reached `max`: then locked
 * until the oldest of them leaves the window.
 */
async function windowBudget(db: DbOrTx, which: SQL, max: number, windowMs: number, now: Date): Promise<ThrottleState> {
  const [row] = await db
    .select({ n: count(), oldest: min(auditLog.at) })
    .from(auditLog)
    .where(and(which, gt(auditLog.at, new Date(now.getTime() - windowMs))));
  if (Number(row.n) < max || !row.oldest) return { locked: false, retryAfterS: 0 };
  const until = new Date(row.oldest).getTime() + windowMs;
  return { locked: true, retryAfterS: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

export function signInThrottle(db: DbOrTx, email: string, now = new Date()): Promise<ThrottleState> {
  return windowBudget(db, and(eq(auditLog.action, "auth.sign_in_failed"), eq(auditLog.actorName, email))!, MAX_FAILURES, WINDOW_MS, now);
}

/** Thrown by verifyCredentials while an email is locked; next-auth hands the message to the form. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterS: number) {
    super(`throttled:${retryAfterS}`);
  }
}

/**
 * Public sign-up attempts, instance-wide, per minute: each attempt in webhook mode makes an outbound
 * request, so an unthrottled sign-up form would let anyone flood the policy webhook through us.
 * Counted from the audit log (every attempt writes one signup.* entry); 0 turns it off.
 */
export async function signUpThrottle(db: DbOrTx, maxPerMinute: number, now = new Date()): Promise<ThrottleState> {
  if (maxPerMinute <= 0) return { locked: false, retryAfterS: 0 };
  return windowBudget(db, inArray(auditLog.action, ["signup.admitted", "signup.refused", "signup.failed_closed"]), maxPerMinute, 60_000, now);
}
