// Tasks: Meilisearch's task object over the tasks table; listing with its filters and paging.
import { and, count, desc, eq, inArray, lte, ne, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "../db";
import { tasks, type Task } from "../db/schema";
import type { TaskDto, tasksQuery } from "../contracts/tasks";
import { notFound } from "../http/errors";

/** ISO-8601 duration as Meilisearch writes it (PT0.123S). */
export function isoDuration(ms: number): string {
  return `PT${(ms / 1000).toFixed(3).replace(/\.?0+$/, "") || "0"}S`;
}

export function toTaskDto(t: Task): TaskDto {
  return {
    uid: t.uid,
    batchUid: t.batchUid,
    indexUid: t.indexUid,
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

/** Newest first; `from` is the uid to start at; `next` the uid of the following page. */
export async function listTasks(db: DbOrTx, q: TasksQuery, scope?: string[]) {
  const filters: SQL[] = [ne(tasks.status, "receiving")];
  if (q.uids?.length) filters.push(inArray(tasks.uid, q.uids));
  if (q.statuses?.length) filters.push(inArray(tasks.status, q.statuses));
  if (q.types?.length) filters.push(inArray(tasks.type, q.types));
  if (q.indexUids?.length) filters.push(inArray(tasks.indexUid, q.indexUids));
  if (scope) filters.push(inArray(tasks.indexUid, scope));
  const where = and(...filters);
  const page = await db
    .select()
    .from(tasks)
    .where(q.from ? and(where, lte(tasks.uid, q.from)) : where)
    .orderBy(desc(tasks.uid))
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
