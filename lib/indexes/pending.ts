// Pending changes per index: what the next deploy will apply (tasks still enqueued or processing).
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { pendingChanges, tasks } from "../db/schema";
import type { IndexDto } from "../contracts/indexes";

export type Pending = IndexDto["pending"];

export const emptyPending = (): Pending => ({ upserts: 0, updates: 0, removes: 0, snapshot: false, total: 0 });

/** Pending counts for the given indexes (all when ids is undefined), in one query. */
export async function pendingCounts(db: DbOrTx, ids?: string[]): Promise<Map<string, Pending>> {
  const rows = await db
    .select({ indexId: pendingChanges.indexId, op: pendingChanges.op, n: count() })
    .from(pendingChanges)
    .innerJoin(tasks, eq(tasks.uid, pendingChanges.taskUid))
    .where(and(inArray(tasks.status, ["enqueued", "processing"]), ids ? inArray(pendingChanges.indexId, ids) : sql`true`))
    .groupBy(pendingChanges.indexId, pendingChanges.op);
  const out = new Map<string, Pending>();
  for (const r of rows) {
    const p = out.get(r.indexId) ?? emptyPending();
    const n = Number(r.n);
    if (r.op === "snapshot") p.snapshot = true;
    else if (r.op === "upsert") p.upserts += n;
    else if (r.op === "update") p.updates += n;
    else p.removes += n;
    p.total = p.upserts + p.updates + p.removes + (p.snapshot ? 1 : 0);
    out.set(r.indexId, p);
  }
  return out;
}

export async function hasPendingChanges(db: DbOrTx, indexId: string): Promise<boolean> {
  const [row] = await db
    .select({ seq: pendingChanges.seq })
    .from(pendingChanges)
    .innerJoin(tasks, eq(tasks.uid, pendingChanges.taskUid))
    .where(and(eq(pendingChanges.indexId, indexId), inArray(tasks.status, ["enqueued", "processing"])))
    .limit(1);
  return !!row;
}
