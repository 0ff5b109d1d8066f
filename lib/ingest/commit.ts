// The commit step every ingestion request shares: per-index ordering, the task row, its changes,
// Idempotency-Key handling. A 2xx is only answered after this transaction committed.
import { createHash } from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db";
import { resultRows } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { lockIndex } from "../db/lock";
import { pendingChanges, tasks, type ChangeOp, type Task, type TaskType } from "../db/schema";
import { AppError } from "../errors";

export type NewChange = { op: ChangeOp; docId: string | null; doc: Record<string, unknown> | null };

const BATCH = 1000;

export async function nextCommitSeq(tx: DbOrTx): Promise<number> {
  const [row] = resultRows<{ n: string | number }>(await tx.execute(sql`select nextval('commit_seq')::bigint as n`));
  return Number(row.n);
}

export async function insertChanges(db: DbOrTx, indexId: string, taskUid: number, changes: NewChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += BATCH) {
    await db.insert(pendingChanges).values(changes.slice(i, i + BATCH).map((c) => ({ ...c, indexId, taskUid })));
  }
}

/** A snapshot replaces everything queued before it: those changes will never be applied. */
export async function dropSuperseded(tx: DbOrTx, indexId: string, snapshotTaskUid: number, commitSeq: number): Promise<void> {
  const older = and(eq(tasks.indexUid, indexId), eq(tasks.status, "enqueued"), lt(tasks.commitSeq, commitSeq));
  const olderUids = tx.select({ uid: tasks.uid }).from(tasks).where(older);
  await tx.delete(pendingChanges).where(and(eq(pendingChanges.indexId, indexId), inArray(pendingChanges.taskUid, olderUids)));
  await tx
    .update(tasks)
    .set({ details: sql`${tasks.details} || ${JSON.stringify({ supersededBy: snapshotTaskUid })}::jsonb` })
    .where(and(older, inArray(tasks.type, ["snapshot", "notify"])));
}

export function requestHash(kind: string, body: string | Buffer): string {
  return createHash("sha256").update(kind + "\n").update(body).digest("hex");
}

export interface Idempotency {
  key: string;
  hash: string;
}

/** The task a repeated Idempotency-Key refers to, or undefined; 422 if the body differs. */
export async function findReplay(db: DbOrTx, indexId: string, idem: Idempotency | undefined): Promise<Task | undefined> {
  if (!idem) return undefined;
  const [task] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.indexUid, indexId), eq(tasks.idempotencyKey, idem.key)));
  if (task && task.requestHash !== idem.hash) {
    throw new AppError(
      "idempotency_key_reused",
      `Idempotency-Key "${idem.key}" was already used for a different request (task ${task.uid}).`,
      { taskUid: task.uid },
    );
  }
  return task;
}

export interface TaskInput {
  indexId: string;
  type: TaskType;
  details: Record<string, unknown>;
  createdBy: string;
  idempotency?: Idempotency;
}

/**
 * Runs `write` in one transaction with the index locked and a fresh enqueued task; returns the task,
 * or the earlier task when the Idempotency-Key was seen (then nothing is written).
 */
export async function commitTask(
  db: Db,
  input: TaskInput,
  write: (tx: DbOrTx, task: Task) => Promise<void>,
): Promise<{ task: Task; replayed: boolean }> {
  const earlier = await findReplay(db, input.indexId, input.idempotency);
  if (earlier) return { task: earlier, replayed: true };
  try {
    const task = await db.transaction(async (tx) => {
      await lockIndex(tx, input.indexId);
      const commitSeq = await nextCommitSeq(tx);
      const [task] = await tx
        .insert(tasks)
        .values({
          indexUid: input.indexId,
          type: input.type,
          status: "enqueued",
          details: input.details,
          commitSeq,
          createdBy: input.createdBy,
          idempotencyKey: input.idempotency?.key,
          requestHash: input.idempotency?.hash,
        })
        .returning();
      await write(tx, task);
      return task;
    });
    return { task, replayed: false };
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its task.
    if (input.idempotency && isUniqueViolation(err)) {
      const winner = await findReplay(db, input.indexId, input.idempotency);
      if (winner) return { task: winner, replayed: true };
    }
    throw err;
  }
}
