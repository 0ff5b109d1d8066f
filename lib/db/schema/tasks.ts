import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Commit order of accepted ingestion requests. A request's changes apply in the order its task was
 * committed (not when its first row was written), so a long NDJSON upload cannot interleave with
 * notifies that were acknowledged while it streamed.
 */
export const commitSeq = pgSequence("commit_seq");

export const TASK_STATUSES = ["enqueued", "processing", "succeeded", "failed", "canceled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** `receiving`: an upload still streaming in; internal, never listed, deleted if the upload fails. */
export type StoredTaskStatus = TaskStatus | "receiving";
export const TASK_TYPES = ["snapshot", "notify", "deploy", "rollback", "updateSchema", "dumpCreation"] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Meilisearch's task object, plus the internal columns ingestion needs. */
export const tasks = pgTable(
  "tasks",
  {
    uid: bigserial("uid", { mode: "number" }).primaryKey(),
    batchUid: bigint("batch_uid", { mode: "number" }),
    indexUid: text("index_uid").notNull(),
    status: text("status").$type<StoredTaskStatus>().notNull(),
    type: text("type", { enum: TASK_TYPES }).notNull(),
    canceledBy: bigint("canceled_by", { mode: "number" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    error: jsonb("error").$type<{ message: string; code: string; type: string; link?: string } | null>(),
    enqueuedAt: timestamp("enqueued_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Position in commit order (commit_seq); null while receiving. */
    commitSeq: bigint("commit_seq", { mode: "number" }),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    /** Who asked: usr_…, key_…, or "master". */
    createdBy: text("created_by"),
    /** Touched while an upload streams; a receiving task without a recent heartbeat was abandoned. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  },
  (t) => [
    index("tasks_index_status_idx").on(t.indexUid, t.status),
    index("tasks_status_idx").on(t.status),
    uniqueIndex("tasks_idempotency_key").on(t.indexUid, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

export type Task = typeof tasks.$inferSelect;
