import { bigint, bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { indexes } from "./indexes";
import { tasks } from "./tasks";

export const CHANGE_OPS = ["snapshot", "upsert", "update", "remove"] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/**
 * Accepted changes waiting for the next deploy. `snapshot` is a marker (clear everything before
 * applying what follows in the same task); the rest carry one document or id each. A deploy
 * applies them in (task commit_seq, seq) order and deletes what it applied.
 */
export const pendingChanges = pgTable(
  "pending_changes",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    indexId: text("index_id")
      .notNull()
      .references(() => indexes.id, { onDelete: "cascade" }),
    taskUid: bigint("task_uid", { mode: "number" })
      .notNull()
      .references(() => tasks.uid, { onDelete: "cascade" }),
    op: text("op", { enum: CHANGE_OPS }).notNull(),
    docId: text("doc_id"),
    doc: jsonb("doc").$type<Record<string, unknown>>(),
  },
  (t) => [index("pending_changes_index_idx").on(t.indexId, t.taskUid)],
);
