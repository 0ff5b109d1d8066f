// Contracts of the tasks API (Meilisearch's task object and filters).
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";

export const taskSchema = z
  .object({
    uid: z.number(),
    batchUid: z.number().nullable(),
    indexUid: z.string(),
    status: z.enum(["enqueued", "processing", "succeeded", "failed", "canceled"]),
    type: z.enum(["snapshot", "notify", "deploy", "rollback", "updateSchema"]),
    canceledBy: z.number().nullable(),
    details: z.record(z.string(), z.unknown()),
    error: z.object({ message: z.string(), code: z.string(), type: z.string(), link: z.string().optional() }).nullable(),
    duration: z.string().nullable().meta({ description: "ISO-8601 duration, e.g. PT0.123S" }),
    enqueuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Task" });
export type TaskDto = z.infer<typeof taskSchema>;

/** A comma-separated query parameter, each item checked by `item`. */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean) : v),
    z.array(item).optional(),
  );

export const tasksQuery = z.object({
  uids: csv(z.coerce.number().int().positive()),
  statuses: csv(taskSchema.shape.status),
  types: csv(taskSchema.shape.type),
  indexUids: csv(z.string().min(1)),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
  from: z.coerce.number().int().positive().optional().meta({ description: "Return tasks with uid ≤ from (newest first)" }),
});

export const listTasksContract = contract({
  method: "get",
  path: "/api/v1/tasks",
  summary: "List tasks, newest first, with Meilisearch-style filters",
  tags: ["Tasks"],
  auth: { session: "viewer", key: ["admin", "ingest", "deploy"] },
  query: tasksQuery,
  responses: {
    200: {
      description: "A page of tasks",
      schema: z.object({ results: z.array(taskSchema), total: z.number(), limit: z.number(), from: z.number().nullable(), next: z.number().nullable() }),
    },
    400: { description: "Invalid filter", schema: errorSchema },
  },
});

export const getTaskContract = contract({
  method: "get",
  path: "/api/v1/tasks/{uid}",
  summary: "Get a task",
  tags: ["Tasks"],
  auth: { session: "viewer", key: ["admin", "ingest", "deploy"] },
  params: z.object({ uid: z.coerce.number().int().positive() }),
  responses: { 200: { description: "The task", schema: taskSchema }, 404: { description: "No such task", schema: errorSchema } },
});
