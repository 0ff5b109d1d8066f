// Search analytics retention: every few minutes, delete recorded searches older than
// ANALYTICS_RETENTION_DAYS, those of deleted indexes, and the oldest beyond ANALYTICS_MAX_ROWS, a batch
// at a time. Loaded by the worker process (no "server-only").
import { inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db";
import { searchEvents } from "../db/schema";
import { env } from "../env";
import { periodicLoop, type Loop } from "../loop";

const BATCH = 10_000;

export async function pruneSearchEvents(db: Db, { retentionDays, maxRows }: { retentionDays: number; maxRows: number }, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  let total = 0;
  const inBatches = async (condition: SQL) => {
    for (;;) {
      const ids = db.select({ id: searchEvents.id }).from(searchEvents).where(condition).limit(BATCH);
      const gone = await db.delete(searchEvents).where(inArray(searchEvents.id, ids)).returning({ id: searchEvents.id });
      total += gone.length;
      if (gone.length < BATCH) return;
    }
  };
  await inBatches(lt(searchEvents.at, cutoff));
  await inBatches(sql`not exists (select 1 from indexes i where i.id = ${searchEvents.indexId})`);
  // Beyond the row cap the oldest rows (lowest ids: rows are inserted as they are flushed) go.
  const [edge] = await db.select({ id: searchEvents.id }).from(searchEvents).orderBy(sql`${searchEvents.id} desc`).offset(maxRows).limit(1);
  if (edge) {
    const gone = await db.delete(searchEvents).where(sql`${searchEvents.id} <= ${edge.id}`).returning({ id: searchEvents.id });
    total += gone.length;
  }
  return total;
}

export function analyticsRetentionLoop(intervalMs = 5 * 60_000): Loop {
  return periodicLoop("analytics-retention", intervalMs, async (handle) => {
    const { ANALYTICS_RETENTION_DAYS: retentionDays, ANALYTICS_MAX_ROWS: maxRows } = env();
    const n = await pruneSearchEvents(handle.db, { retentionDays, maxRows });
    return n ? `removed ${n} recorded searches (older than ${retentionDays} days, of deleted indexes, or beyond ${maxRows} rows)` : undefined;
  });
}
