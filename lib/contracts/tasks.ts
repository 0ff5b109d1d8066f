// Contracts of the tasks API (Meilisearch's task object and filters).
import { z } from "zod";
import type { CodeFor } from "../errors";
import { contract } from "./define";
import { meilisearchErrorSchema, meilisearchStyle } from "./meilisearch";

export const taskSchema = z
  .object({
    uid: z.number(),
    batchUid: z.number().nullable(),
    indexUid: z.string().nullable().meta({ description: "null for instance-wide tasks (dumpCreation), as Meilisearch" }),
    status: z.enum(["enqueued", "processing", "succeeded", "failed", "canceled"]),
    type: z.enum(["snapshot", "notify", "deploy", "rollback", "updateSchema", "dumpCreation"]),
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

// The filters of Meilisearch's GET /tasks, with its semantics: comma-separated lists, `*` for "any",
// dates as RFC 3339 or YYYY-MM-DD (a bare date means midnight UTC for before*, the next midnight for
// after*), exclusive bounds, `reverse` for oldest first. Unknown parameters are refused (400 bad_request).

/** A comma-separated query parameter, each item checked by `item`; a `*` among them means no filter. */
const csv = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean) : v),
      z.array(z.union([z.literal("*"), item])).transform((list) => (list.includes("*") ? undefined : (list as z.infer<T>[]))),
    )
    .optional();

const uid = z.coerce.number().int().min(0).max(2 ** 32 - 1);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2})))?$/;

/** 0001-01-01T00:00:00Z: an earlier bound (a date-time at year 1 with a + offset) means the same as this one. */
const MIN_T = Date.UTC(2000, 0, 1) - 63_082_281_600_000;
const MAX_T = Date.parse("9999-12-31T23:59:59.999Z");
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * A task date bound as Meilisearch reads it, as an ISO string Postgres takes at full precision (the
 * microseconds of `…09.971123Z` are kept); null when it is not a valid date.
 */
export function taskDateBound(value: string, side: "before" | "after"): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, sec, , , oh, om] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  // Checked by hand: Date.parse would roll 2024-02-31 over to March instead of refusing it.
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59 || oh > 23 || om > 59) return null;
  if (m[4] !== undefined) {
    // Moved to UTC here (Postgres refuses some offsets near year 1), keeping digits past the millisecond.
    const t = Date.parse(value.toUpperCase());
    if (t < MIN_T) return new Date(MIN_T).toISOString();
    if (t >= MAX_T) return "9999-12-31T23:59:59.999999Z";
    const extra = (m[7] ?? "").slice(4);
    return new Date(t).toISOString().replace("Z", `${extra}Z`);
  }
  const midnight = new Date(0);
  midnight.setUTCFullYear(y, mo - 1, d + (side === "after" ? 1 : 0));
  if (midnight.getUTCFullYear() > 9999) midnight.setUTCFullYear(y, mo - 1, d); // as Meilisearch: no next day to go to
  return midnight.toISOString();
}

const dateParam = (side: "before" | "after", description: string) =>
  z
    .string()
    .transform((v, ctx) => {
      if (v === "*") return undefined;
      const d = taskDateBound(v, side);
      if (!d) ctx.addIssue({ code: "custom", message: `\`${v}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.` });
      return d ?? undefined;
    })
    .optional()
    .meta({ description });

const bool = z.enum(["true", "false"], { message: "expected either `true` or `false`" }).transform((v) => v === "true");

export const tasksQuery = z
  .object({
    uids: csv(uid),
    batchUids: csv(uid),
    canceledBy: csv(uid),
    statuses: csv(taskSchema.shape.status),
    types: csv(taskSchema.shape.type),
    indexUids: csv(z.string().min(1)),
    limit: z.coerce.number().int().min(1).max(1000).default(20),
    from: uid.optional().meta({ description: "The uid to start at: tasks with uid ≤ from (newest first), or ≥ from with reverse=true" }),
    reverse: bool.optional().meta({ description: "true: oldest first" }),
    beforeEnqueuedAt: dateParam("before", "Tasks enqueued strictly before this time (RFC 3339 or YYYY-MM-DD)"),
    afterEnqueuedAt: dateParam("after", "Tasks enqueued strictly after this time (a bare date: after that whole day)"),
    beforeStartedAt: dateParam("before", "Tasks started strictly before this time"),
    afterStartedAt: dateParam("after", "Tasks started strictly after this time"),
    beforeFinishedAt: dateParam("before", "Tasks finished strictly before this time"),
    afterFinishedAt: dateParam("after", "Tasks finished strictly after this time"),
  })
  .strict();

/** Meilisearch's error code for a bad value of each parameter. */
export const tasksQueryErrorCodes: Record<string, CodeFor<400>> = {
  uids: "invalid_task_uids",
  batchUids: "invalid_batch_uids",
  canceledBy: "invalid_task_canceled_by",
  statuses: "invalid_task_statuses",
  types: "invalid_task_types",
  indexUids: "invalid_index_uid",
  limit: "invalid_task_limit",
  from: "invalid_task_from",
  reverse: "invalid_task_reverse",
  beforeEnqueuedAt: "invalid_task_before_enqueued_at",
  afterEnqueuedAt: "invalid_task_after_enqueued_at",
  beforeStartedAt: "invalid_task_before_started_at",
  afterStartedAt: "invalid_task_after_started_at",
  beforeFinishedAt: "invalid_task_before_finished_at",
  afterFinishedAt: "invalid_task_after_finished_at",
};

export const listTasksContract = contract({
  method: "get",
  path: "/api/v1/tasks",
  summary: "List tasks, newest first, with Meilisearch-style filters",
  tags: ["Tasks"],
  auth: { session: "viewer", key: ["admin", "ingest", "deploy"] },
  query: tasksQuery,
  queryErrorCodes: tasksQueryErrorCodes,
  ...meilisearchStyle,
  responses: {
    200: {
      description: "A page of tasks",
      schema: z.object({ results: z.array(taskSchema), total: z.number(), limit: z.number(), from: z.number().nullable(), next: z.number().nullable() }),
    },
    400: { description: "Invalid filter (code as Meilisearch's: invalid_task_uids, invalid_task_before_enqueued_at, …) or unknown parameter (bad_request)", schema: meilisearchErrorSchema },
  },
});

export const getTaskContract = contract({
  method: "get",
  path: "/api/v1/tasks/{uid}",
  summary: "Get a task",
  tags: ["Tasks"],
  auth: { session: "viewer", key: ["admin", "ingest", "deploy"] },
  params: z.object({ uid: z.coerce.number().int().positive() }),
  ...meilisearchStyle,
  meilisearchCodes: { not_found: "task_not_found" },
  meilisearchFieldCodes: { "path:uid": "invalid_task_uids" },
  responses: { 200: { description: "The task", schema: taskSchema }, 400: { description: "Not a task uid (invalid_task_uids)", schema: meilisearchErrorSchema }, 404: { description: "No such task (task_not_found)", schema: meilisearchErrorSchema } },
});
