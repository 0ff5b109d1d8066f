// Search analytics, the recording side: every public search (the route, and later the fast lane) calls
// recordSearch() — one line — which only pushes into this process's in-memory buffer; the search never
// waits on the database. A timer (ANALYTICS_FLUSH_MS) writes the buffer to search_events in one batch.
// The buffer holds at most ANALYTICS_BUFFER_SIZE searches per flush: beyond that it keeps a uniform
// sample (reservoir sampling) and every row of that batch gets weight = searches seen / rows kept, so
// counts stay right when scaled and the API can say how much was sampled.
// Whether an index stores terms is read at flush time (one query per batch), not on the hot path.
import "server-only";
import { inArray } from "drizzle-orm";
import type { DbHandle } from "../db";
import { indexes, searchEvents } from "../db/schema";
import { env } from "../env";

/** What the recorder needs from a search: its term, how many results it had and how long it took. */
export interface RecordableSearch {
  term?: unknown;
}
export interface RecordableResult {
  count: number;
  /** Measured by the search itself (searchLive), which feeds the same figure to the metrics. */
  latencyMs: number;
}

export interface BufferedSearch {
  indexId: string;
  at: Date;
  term: string | null;
  hits: number;
  latencyMs: number;
}

/** Terms are stored trimmed, lower-cased and cut to this length; an empty term is stored as null. */
export const TERM_MAX_LENGTH = 200;
const INSERT_CHUNK = 1000;

export function normalizeTerm(term: unknown): string | null {
  if (typeof term !== "string") return null;
  const t = term.trim().replace(/\s+/g, " ").toLowerCase().slice(0, TERM_MAX_LENGTH);
  return t === "" ? null : t;
}

type Recorder = {
  buffer: BufferedSearch[];
  /** Searches offered since the last flush (kept or not). */
  seen: number;
  timer?: NodeJS.Timeout;
  handle?: DbHandle;
  flushing?: Promise<number>;
  lastError?: number;
};
const g = globalThis as typeof globalThis & { __indexhookAnalytics?: Recorder };
const rec: Recorder = (g.__indexhookAnalytics ??= { buffer: [], seen: 0 });

/** Adds one search to the buffer (or to the sample when it is full). Synchronous; never throws. */
export function bufferSearch(entry: BufferedSearch, capacity = env().ANALYTICS_BUFFER_SIZE): void {
  rec.seen++;
  if (rec.buffer.length < capacity) rec.buffer.push(entry);
  else {
    // Reservoir sampling: every search seen since the last flush has the same chance to be kept.
    const j = Math.floor(Math.random() * rec.seen);
    if (j < capacity) rec.buffer[j] = entry;
  }
}

/**
 * Records a successful search: awaits `search` and buffers its index, term, result count and latency. The result is returned untouched; a failed search is not
 * recorded and its error passes through.
 *   const result = await recordSearch(db, indexId, params, searchLive(db, indexId, params));
 */
export async function recordSearch<R extends RecordableResult>(h: DbHandle, indexId: string, params: RecordableSearch, search: Promise<R>): Promise<R> {
  const result = await search;
  try {
    bufferSearch({ indexId, at: new Date(), term: normalizeTerm(params.term), hits: result.count, latencyMs: result.latencyMs });
    startFlushing(h);
  } catch (err) {
    console.error("[indexhook] analytics: could not record a search", err);
  }
  return result;
}

function startFlushing(h: DbHandle) {
  rec.handle ??= h;
  if (rec.timer) return;
  rec.timer = setInterval(() => void flushSearches(rec.handle!).catch(() => undefined), env().ANALYTICS_FLUSH_MS);
  rec.timer.unref();
}

/** Takes what the buffer holds (with the weight of each row) and empties it. */
export function drainBuffer(): { rows: BufferedSearch[]; weight: number } {
  const rows = rec.buffer;
  const weight = rows.length ? rec.seen / rows.length : 1;
  rec.buffer = [];
  rec.seen = 0;
  return { rows, weight };
}

/**
 * Writes the buffered searches to search_events in one batch; returns how many rows were written.
 * Terms of indexes with `analytics.storeTerms: false` are dropped here; searches of indexes that no
 * longer exist are dropped. A failed write loses that batch (logged at most once a minute): analytics
 * never back up into memory.
 */
export function flushSearches(h: DbHandle): Promise<number> {
  // One flush at a time: a slow write is not overtaken by the next tick.
  if (rec.flushing) return rec.flushing;
  const { rows, weight } = drainBuffer();
  if (!rows.length) return Promise.resolve(0);
  rec.flushing = writeBatch(h, rows, weight)
    .catch((err) => {
      if (!rec.lastError || Date.now() - rec.lastError > 60_000) console.error(`[indexhook] analytics: lost ${rows.length} recorded searches`, err);
      rec.lastError = Date.now();
      throw err;
    })
    .finally(() => (rec.flushing = undefined));
  return rec.flushing;
}

async function writeBatch(h: DbHandle, rows: BufferedSearch[], weight: number): Promise<number> {
  const ids = [...new Set(rows.map((r) => r.indexId))];
  const settings = await h.db.select({ id: indexes.id, analytics: indexes.analytics }).from(indexes).where(inArray(indexes.id, ids));
  const storeTerms = new Map(settings.map((s) => [s.id, s.analytics?.storeTerms !== false]));
  const values = rows
    .filter((r) => storeTerms.has(r.indexId))
    .map((r) => ({ indexId: r.indexId, at: r.at, term: storeTerms.get(r.indexId) ? r.term : null, hits: r.hits, latencyMs: r.latencyMs, weight }));
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await h.db.insert(searchEvents).values(values.slice(i, i + INSERT_CHUNK));
  return values.length;
}
