// Positive cache of API key rows by hash, so an authenticated request does not cost a database read.
// Safe only because it is invalidated: revokeKey drops the key here (this process) and NOTIFYs
// KEYS_CHANNEL in its transaction (every process, on commit). Keys are otherwise immutable (no edit,
// no delete), and expiry is re-checked on every use from the cached expires_at. The cache is used only
// while this process is LISTENing; entries also age out after MAX_AGE_MS as a safety net for changes
// made outside the app (a revoked_at set by hand in SQL) or a notification lost while reconnecting.
import "server-only";
import type { ApiKeyRow } from "../db/schema/api-keys";
import type { DbHandle } from "../db/client";
import { KEYS_CHANNEL } from "../db/channels";

export const KEY_CACHE_MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 10_000;

type Entry = { row: ApiKeyRow; at: number };
type State = {
  byHash: Map<string, Entry>;
  /** Bumped by every invalidation: a lookup that started before one must not store its (stale) row. */
  generation: number;
  listening?: Promise<void>;
  /** True once LISTEN is established; false again if it failed. */
  active: boolean;
};
const g = globalThis as typeof globalThis & { __ihKeyCache?: State };
const state: State = (g.__ihKeyCache ??= { byHash: new Map(), generation: 0, active: false });

/** Starts listening for revocations (once per process); until that works the cache stays off. */
export function enableKeyCache(h: Pick<DbHandle, "listen">): Promise<void> {
  state.listening ??= h
    .listen(KEYS_CHANNEL, (id) => forgetKey(id))
    .then(() => {
      state.active = true;
    })
    .catch((err) => {
      state.listening = undefined; // try again on a later request
      state.active = false;
      console.error("[indexhook] LISTEN for key revocations failed; API keys are looked up on every request", err);
    });
  return state.listening;
}

/** The cached row for a hash, or undefined (not cached, too old, or the cache is off). */
export function cachedKey(hash: string, now = Date.now()): ApiKeyRow | undefined {
  if (!state.active) return undefined;
  const e = state.byHash.get(hash);
  if (!e) return undefined;
  if (now - e.at >= KEY_CACHE_MAX_AGE_MS) {
    state.byHash.delete(hash);
    return undefined;
  }
  return e.row;
}

/** The generation to pass to rememberKey after a lookup. */
export function keyCacheGeneration(): number {
  return state.generation;
}

/** Stores a row read from the database, unless an invalidation happened since `generation` was read. */
export function rememberKey(hash: string, row: ApiKeyRow, generation: number, now = Date.now()): void {
  if (!state.active || generation !== state.generation) return;
  if (state.byHash.size >= MAX_ENTRIES) state.byHash.clear();
  state.byHash.set(hash, { row, at: now });
}

/** Drops a key (by id) from this process's cache; called on revoke and on every KEYS_CHANNEL notification. */
export function forgetKey(id: string): void {
  state.generation++;
  for (const [hash, e] of state.byHash) if (e.row.id === id) state.byHash.delete(hash);
}

/** Empties the cache (tests). */
export function clearKeyCache(): void {
  state.generation++;
  state.byHash.clear();
}
