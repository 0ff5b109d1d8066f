// The answer of every route that queues a task (the inbound webhooks, rollback): Orama's
// `{ success: true }` plus the Meilisearch-style task, with the contract's success status (202) and
// `Idempotent-Replayed: true` when an Idempotency-Key replayed an earlier task.
import "server-only";
import type { Task } from "../db/schema";
import { toTaskDto } from "../tasks/tasks";
import { reply, type Reply } from "./route";

export function accepted({ task, replayed }: { task: Task; replayed: boolean }): Reply {
  return reply({ success: true, taskUid: task.uid, task: toTaskDto(task) }, { headers: replayed ? { "idempotent-replayed": "true" } : {} });
}
