// Audit entries older than AUDIT_RETENTION_DAYS are deleted hourly, a batch at a time (0 keeps them all).
import { lt, inArray } from "drizzle-orm";
import type { Db } from "../db";
import { auditLog } from "../db/schema";
import { env } from "../env";
import { periodicLoop, type Loop } from "../loop";

const BATCH = 5000;

export async function pruneAuditLog(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  let total = 0;
  for (;;) {
    const old = db.select({ id: auditLog.id }).from(auditLog).where(lt(auditLog.at, cutoff)).limit(BATCH);
    const gone = await db.delete(auditLog).where(inArray(auditLog.id, old)).returning({ id: auditLog.id });
    total += gone.length;
    if (gone.length < BATCH) return total;
  }
}

export function auditRetentionLoop(intervalMs = 3600_000): Loop {
  return periodicLoop("audit-retention", intervalMs, async (handle) => {
    const n = await pruneAuditLog(handle.db, env().AUDIT_RETENTION_DAYS);
    return n ? `removed ${n} audit entries older than ${env().AUDIT_RETENTION_DAYS} days` : undefined;
  });
}
