// Reading queued changes in commit order, in pages: shared by the deploy and the diff preview.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { DbHandle } from "../db";
import { pendingChanges, tasks } from "../db/schema";
import type { PendingChange } from "./apply";

/** Rows per query when reading or deleting in pages. */
export const PAGE = 5000;

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * The pending changes of these tasks in commit order, read task by task in pages: one query for a whole large
 * snapshot returned a result too big for the embedded database (PGlite) to hand over.
 */
export async function* changesInCommitOrder(h: DbHandle, batch: number[]): AsyncGenerator<PendingChange> {
  if (!batch.length) return;
  const ordered = await h.db.select({ uid: tasks.uid }).from(tasks).where(inArray(tasks.uid, batch)).orderBy(asc(tasks.commitSeq));
  for (const { uid } of ordered) {
    for (let after = 0; ; ) {
      const rows = await h.db
        .select({ seq: pendingChanges.seq, op: pendingChanges.op, docId: pendingChanges.docId, doc: pendingChanges.doc })
        .from(pendingChanges)
        .where(and(eq(pendingChanges.taskUid, uid), gt(pendingChanges.seq, after)))
        .orderBy(asc(pendingChanges.seq))
        .limit(PAGE);
      yield* rows;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].seq;
    }
  }
}
