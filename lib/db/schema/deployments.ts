import { bigint, bigserial, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { indexes } from "./indexes";

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
});

/** One published (or attempted) version of an index. The live one is indexes.live_deployment_id. */
export const deployments = pgTable(
  "deployments",
  {
    id: text("id").primaryKey(),
    indexId: text("index_id")
      .notNull()
      .references(() => indexes.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    taskUid: bigint("task_uid", { mode: "number" }).notNull(),
    kind: text("kind", { enum: ["deploy", "rollback"] }).notNull(),
    rollbackOf: text("rollback_of"),
    status: text("status", { enum: ["building", "succeeded", "failed"] }).notNull(),
    /** Progress while building: apply → build → persist → live. */
    phase: text("phase").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    createdBy: text("created_by"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    upserted: integer("upserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    removed: integer("removed").notNull().default(0),
    documentCount: integer("document_count").notNull().default(0),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    error: text("error"),
  },
  (t) => [uniqueIndex("deployments_index_version").on(t.indexId, t.version)],
);

/** Built versions, in chunks: `index` is the serialised search index, `docs` the documents (rollback). */
export const deploymentArtifacts = pgTable(
  "deployment_artifacts",
  {
    deploymentId: text("deployment_id")
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["index", "docs"] }).notNull(),
    chunk: integer("chunk").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deploymentId, t.kind, t.chunk] })],
);

/** The change list of each published version, in order: what outbound change webhooks deliver. */
export const changeEvents = pgTable(
  "change_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indexId: text("index_id").notNull(),
    deploymentId: text("deployment_id").notNull(),
    type: text("type", { enum: ["upsert", "update", "delete"] }).notNull(),
    key: text("key").notNull(),
    value: jsonb("value").$type<Record<string, unknown>>(),
    updates: jsonb("updates").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("change_events_deployment_idx").on(t.deploymentId)],
);

/**
 * One change of a published version: what a deploy derives (deploy/apply.ts), what change_events stores
 * and what a `changes` hook delivers (delivery adds the index as `table`). Defined once, here.
 */
export type Change =
  | { type: "upsert"; key: string; value: Record<string, unknown> }
  | { type: "update"; key: string; updates: Record<string, unknown> }
  | { type: "delete"; key: string };
export type ChangeType = Change["type"];
export type ChangeEventRow = typeof changeEvents.$inferSelect;

export type Deployment = typeof deployments.$inferSelect;
