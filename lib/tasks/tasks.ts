// Tasks: Meilisearch's task object over the tasks table; listing with its filters and paging.
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { DbOrTx } from "../db";
import { tasks, type Task } from "../db/schema";
import type { TaskDto, tasksQuery } from "../contracts/tasks";
import { notFound } from "../errors";

/** ISO-8601 duration as Meilisearch writes it (PT0.123S). */
export function isoDuration(ms: number): string {
  return `PT${(ms / 1000).toFixed(3).replace(/\.?0+$/, "") || "0"}S`;
}

export function toTaskDto(t: Task): TaskDto {
  return {
    uid: t.uid,
    batchUid: t.batchUid,
    indexUid: t.indexUid === "" ? null : t.indexUid,
    status: t.status === "receiving" ? "enqueued" : t.status,
    type: t.type,
    canceledBy: t.canceledBy,
    details: t.details,
    error: t.error ?? null,
    duration: t.startedAt && t.finishedAt ? isoDuration(t.finishedAt.getTime() - t.startedAt.getTime()) : null,
    enqueuedAt: t.enqueuedAt.toISOString(),
    startedAt: t.startedAt?.toISOString() ?? null,
    finishedAt: t.finishedAt?.toISOString() ?? null,
  };
}

type TasksQuery = z.infer<typeof tasksQuery>;

/**
 * Bounds are exclusive, as Meilisearch's, and compare at the millisecond the API shows: a task whose
 * enqueuedAt reads T is neither after T nor before T. A task without the date (not started, not
 * finished) matches no bound on it.
 */
function within(col: AnyPgColumn, after?: string, before?: string): SQL[] {
  const shown = sql`date_trunc('milliseconds', ${col})`;
  return [after ? sql`${shown} > ${after}::timestamptz` : undefined, before ? sql`${shown} < ${before}::timestamptz` : undefined].filter(
    (x): x is SQL => x !== undefined,
  );
}

/**
 * Meilisearch's GET /tasks: newest first (oldest first with `reverse`); `from` is the uid to start at
 * (≤ from, or ≥ from with reverse); `next` the uid that starts the following page; `total` counts every
 * match, whatever `from`.
 */
export async function listTasks(db: DbOrTx, q: TasksQuery, scope?: string[]) {
  const filters: SQL[] = [ne(tasks.status, "receiving")];
  if (q.uids?.length) filters.push(inArray(tasks.uid, q.uids));
  if (q.batchUids?.length) filters.push(inArray(tasks.batchUid, q.batchUids));
  if (q.canceledBy?.length) filters.push(inArray(tasks.canceledBy, q.canceledBy));
  if (q.statuses?.length) filters.push(inArray(tasks.status, q.statuses));
  if (q.types?.length) filters.push(inArray(tasks.type, q.types));
  if (q.indexUids?.length) filters.push(inArray(tasks.indexUid, q.indexUids));
  filters.push(...within(tasks.enqueuedAt, q.afterEnqueuedAt, q.beforeEnqueuedAt));
  filters.push(...within(tasks.startedAt, q.afterStartedAt, q.beforeStartedAt));
  filters.push(...within(tasks.finishedAt, q.afterFinishedAt, q.beforeFinishedAt));
  if (scope) filters.push(inArray(tasks.indexUid, scope));
  const where = and(...filters);
  const start = q.from === undefined ? undefined : q.reverse ? gte(tasks.uid, q.from) : lte(tasks.uid, q.from);
  const page = await db
    .select()
    .from(tasks)
    .where(start ? and(where, start) : where)
    .orderBy(q.reverse ? asc(tasks.uid) : desc(tasks.uid))
    .limit(q.limit + 1);
  const [{ n }] = await db.select({ n: count() }).from(tasks).where(where);
  const results = page.slice(0, q.limit).map(toTaskDto);
  return {
    results,
    total: Number(n),
    limit: q.limit,
    from: results[0]?.uid ?? null,
    next: page.length > q.limit ? page[q.limit].uid : null,
  };
}

export async function getTask(db: DbOrTx, uid: number, scope?: string[]): Promise<TaskDto> {
  const [t] = await db.select().from(tasks).where(eq(tasks.uid, uid));
  if (!t || t.status === "receiving" || (scope && !scope.includes(t.indexUid))) throw notFound(`No task ${uid}.`);
  return toTaskDto(t);
}
