// Pending changes per index: what the next deploy will do to the live version (tasks still enqueued or
// processing), counted as the deploy and the diff preview count: added, changed, removed.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { documents, pendingChanges, tasks } from "../db/schema";
import type { IndexDto } from "../contracts/indexes";
import { applyChanges, type Doc, type PendingChange } from "../deploy/apply";

export type Pending = IndexDto["pending"];

export const emptyPending = (): Pending => ({ upserts: 0, updates: 0, removes: 0, snapshot: false, total: 0 });

/** Above this many queued changes an index's counts are the queued operations, not the exact diff. */
export const EXACT_PENDING_LIMIT = 50_000;
const PAGE = 5000;
const QUEUED = ["enqueued", "processing"] as const;

const withTotal = (p: Omit<Pending, "total">): Pending => ({ ...p, total: p.upserts + p.updates + p.removes + (p.snapshot ? 1 : 0) });

/** Pending counts for the given indexes (all when ids is undefined). */
export async function pendingCounts(db: DbOrTx, ids?: string[]): Promise<Map<string, Pending>> {
  const rows = await db
    .select({ indexId: pendingChanges.indexId, op: pendingChanges.op, n: count() })
    .from(pendingChanges)
    .innerJoin(tasks, eq(tasks.uid, pendingChanges.taskUid))
    .where(and(inArray(tasks.status, [...QUEUED]), ids ? inArray(pendingChanges.indexId, ids) : sql`true`))
    .groupBy(pendingChanges.indexId, pendingChanges.op);
  // The queued operations per index: exact counts need them applied to the live documents (below).
  const ops = new Map<string, Pending>();
  for (const r of rows) {
    const p = ops.get(r.indexId) ?? emptyPending();
    const n = Number(r.n);
    if (r.op === "snapshot") p.snapshot = true;
    else if (r.op === "upsert") p.upserts += n;
    else if (r.op === "update") p.updates += n;
    else p.removes += n;
    ops.set(r.indexId, withTotal(p));
  }
  const out = new Map<string, Pending>();
  for (const [indexId, p] of ops) {
    out.set(indexId, p.upserts + p.updates + p.removes > EXACT_PENDING_LIMIT ? p : await exactPending(db, indexId, p.snapshot));
  }
  return out;
}

/**
 * The pending changes applied to the live documents they name (the deploy's own computation), reading
 * only those documents, plus the ids of all live ones when a snapshot is queued (it removes the rest).
 */
async function exactPending(db: DbOrTx, indexId: string, snapshot: boolean): Promise<Pending> {
  const changes: PendingChange[] = [];
  const queued = await db
    .select({ uid: tasks.uid })
    .from(tasks)
    .where(and(eq(tasks.indexUid, indexId), inArray(tasks.status, [...QUEUED])))
    .orderBy(asc(tasks.commitSeq));
  for (const { uid } of queued) {
    for (let after = 0; ; ) {
      const page = await db
        .select({ seq: pendingChanges.seq, op: pendingChanges.op, docId: pendingChanges.docId, doc: pendingChanges.doc })
        .from(pendingChanges)
        .where(and(eq(pendingChanges.taskUid, uid), sql`${pendingChanges.seq} > ${after}`))
        .orderBy(asc(pendingChanges.seq))
        .limit(PAGE);
      changes.push(...page);
      if (page.length < PAGE) break;
      after = page[page.length - 1].seq;
    }
  }
  const live = new Map<string, Doc>();
  // Untouched live documents only matter as ids (a snapshot removes them): their content is never compared.
  if (snapshot) for (const r of await db.select({ id: documents.id }).from(documents).where(eq(documents.indexId, indexId))) live.set(r.id, {});
  const named = [...new Set(changes.map((c) => c.docId).filter((id): id is string => id !== null))];
  for (let i = 0; i < named.length; i += PAGE) {
    const docs = await db
      .select({ id: documents.id, doc: documents.doc })
      .from(documents)
      .where(and(eq(documents.indexId, indexId), inArray(documents.id, named.slice(i, i + PAGE))));
    for (const r of docs) live.set(r.id, r.doc);
  }
  const { counts } = applyChanges(live, changes);
  return withTotal({ upserts: counts.upserted, updates: counts.updated, removes: counts.removed, snapshot });
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
