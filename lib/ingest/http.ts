// Shared bits of the inbound webhook route handlers: index lookup with scope, Idempotency-Key, answers.
import "server-only";
import type { Principal } from "../auth/principal";
import type { Db } from "../db";
import type { IndexRow, Task } from "../db/schema";
import { badRequest } from "../errors";
import { assertIndexInScope } from "../http/scope";
import { findIndex } from "../indexes/indexes";
import { toTaskDto } from "../tasks/tasks";

/** Scope first (403 does not reveal whether an index exists), then existence (404). */
export async function webhookIndex(db: Db, principal: Principal, indexId: string): Promise<IndexRow> {
  assertIndexInScope(principal, indexId);
  return findIndex(db, indexId);
}

export function idempotencyKey(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key")?.trim();
  if (key === undefined || key === "") return undefined;
  if (key.length > 255) throw badRequest("Idempotency-Key is longer than 255 characters.");
  return key;
}

/** 202 with Orama's `{ success: true }` plus the Meilisearch-style task. */
export function accepted({ task, replayed }: { task: Task; replayed: boolean }): Response {
  return Response.json(
    { success: true, taskUid: task.uid, task: toTaskDto(task) },
    { status: 202, headers: replayed ? { "idempotent-replayed": "true" } : {} },
  );
}
