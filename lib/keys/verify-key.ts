// Resolves a bearer token to its key: checksum first (junk never reaches the database), then the key
// cache (key-cache.ts: invalidated on revoke in every process) or a lookup by hash. Revocation and
// expiry take effect on the next request: status is checked on every call, cached row or not.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { apiKeys, type ApiKeyRow } from "../db/schema/api-keys";
import { hashKey, isWellFormed } from "./format";
import { keyStatus } from "./status";
import { cachedKey, keyCacheGeneration, rememberKey } from "./key-cache";
import { recordKeyLookup } from "../metrics";

/** last_used_at is written at most once per key per interval: a busy key must not mean a write per request. */
export const LAST_USED_INTERVAL_MS = 60_000;

const g = globalThis as typeof globalThis & { __ihLastUsed?: Map<string, number>; __ihTouches?: Set<Promise<void>> };
const lastWritten = (g.__ihLastUsed ??= new Map());
const inFlight = (g.__ihTouches ??= new Set());

function touch(db: Db, id: string, now: Date): void {
  const previous = lastWritten.get(id);
  if (previous !== undefined && now.getTime() - previous < LAST_USED_INTERVAL_MS) return;
  lastWritten.set(id, now.getTime());
  if (lastWritten.size > 50_000) pruneOlderThan(now.getTime() - LAST_USED_INTERVAL_MS);
  // Fire and forget: a failed bookkeeping write must not fail the request it rides on.
  const p = db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(eq(apiKeys.id, id))
    .then(
      () => undefined,
      (err) => {
        lastWritten.delete(id);
        console.error(`[indexhook] could not record last use of ${id}`, err);
      },
    )
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

function pruneOlderThan(cutoff: number) {
  for (const [id, at] of lastWritten) if (at < cutoff) lastWritten.delete(id);
}

/** Waits for pending last-used writes (tests and shutdown). */
export async function flushLastUsed(): Promise<void> {
  await Promise.all([...inFlight]);
}

export async function verifyKey({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<ApiKeyRow | null> {
  if (!isWellFormed(token)) return null;
  const hash = hashKey(token);
  let row = cachedKey(hash, now.getTime());
  recordKeyLookup(row !== undefined);
  if (!row) {
    const generation = keyCacheGeneration();
    [row] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash));
    if (row) rememberKey(hash, row, generation, now.getTime());
  }
  if (!row || keyStatus(row, now) !== "active") return null;
  touch(db, row.id, now);
  return row;
}
