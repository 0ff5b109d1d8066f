// When to try a failed delivery again: a fixed ladder with jitter, or the receiver's Retry-After.
import { env } from "../env";

/** Seconds to wait after the n-th failure (1-based); past the end the last step repeats. */
export const RETRY_LADDER_S = [1, 5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600];

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Delay before attempt n+1. ±20 % jitter so hooks that failed together do not retry in lockstep; the
 * scale (HOOK_RETRY_SCALE) shrinks the whole ladder in tests. A Retry-After wins, capped at 24 h so
 * a hostile receiver cannot park the hook forever, and is scaled too so tests can honour it quickly.
 */
export function retryDelayMs(failures: number, retryAfterMs?: number, scale = env().HOOK_RETRY_SCALE): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 24 * 3600 * 1000) * scale;
  const base = RETRY_LADDER_S[Math.min(failures, RETRY_LADDER_S.length) - 1] * 1000;
  return Math.round(base * scale * (0.8 + Math.random() * 0.4));
}
