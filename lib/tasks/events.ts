// Finished tasks go into task_events in the transaction that finishes them: the log `tasks` hooks
// (and TASK_WEBHOOK_URL) deliver from, so a finished task is never reported twice or missed.
import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { appendingEvents } from "../db/lock";
import { taskEvents, tasks } from "../db/schema";
import { toTaskDto } from "./tasks";

export async function recordFinishedTasks(tx: DbOrTx, uids: number[]): Promise<void> {
  if (!uids.length) return;
  const rows = await tx.select().from(tasks).where(inArray(tasks.uid, uids)).orderBy(asc(tasks.uid));
  const finished = rows.filter((t) => t.status === "succeeded" || t.status === "failed" || t.status === "canceled");
  if (!finished.length) return;
  await appendingEvents(tx);
  await tx.insert(taskEvents).values(finished.map((t) => ({ taskUid: t.uid, indexId: t.indexUid, task: toTaskDto(t) })));
}
