import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export type HookFilters = {
  indexes: "all" | string[];
  properties: "all" | string[];
  operations: "all" | ("upsert" | "update" | "delete")[];
};

/**
 * Outbound webhooks. Each hook reads an append-only event log (change_events for `changes`,
 * task_events for `tasks`) from its own cursor, so paused or failing hooks accumulate without fan-out
 * writes, and nothing the log holds is lost. The TASK_WEBHOOK_URL hook is the row with the nil UUID.
 */
export const hooks = pgTable("hooks", {
  uuid: text("uuid").primaryKey(),
  /** changes / tasks read their event logs; "operational" reads operational_events (events about the other hooks). */
  kind: text("kind", { enum: ["changes", "tasks", "operational"] }).notNull(),
  /** "push" POSTs to url; "poll" hooks have no URL (stored as "") and are read through GET …/events. */
  mode: text("mode", { enum: ["push", "poll"] }).notNull().default("push"),
  url: text("url").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  /** whsec_…: signs every request, never sent. */
  secret: text("secret").notNull(),
  /** The secret before the last rotation, still signing until previousSecretExpiresAt. */
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
  /** Standard Webhooks scheme: "hmac-sha256" (v1, secret = whsec_…) or "ed25519" (v1a, secret = the private key). */
  signing: text("signing", { enum: ["hmac-sha256", "ed25519"] }).notNull().default("hmac-sha256"),
  /** ed25519 only: whpk_… of the current key, and of the previous one while it still signs. */
  publicKey: text("public_key"),
  previousPublicKey: text("previous_public_key"),
  /** Requests per second at most (null = unlimited); nextSendAt is the earliest time the next one may start. */
  rateLimit: integer("rate_limit"),
  nextSendAt: timestamp("next_send_at", { withTimezone: true }),
  /** JavaScript defining handler(webhook), run in a QuickJS sandbox before each attempt (null = none). */
  transformation: text("transformation"),
  /** Sent verbatim as X-Indexhook-Token (Dexie's shared secret). */
  token: text("token").notNull(),
  paused: boolean("paused").notNull().default(false),
  /** Why it is paused: "manual", "auto: failing since …", "gone: 410". */
  pausedReason: text("paused_reason"),
  filters: jsonb("filters").$type<HookFilters>().notNull().default({ indexes: "all", properties: "all", operations: "all" }),
  isEditable: boolean("is_editable").notNull().default(true),
  /** Last event id (change_events / task_events) already put into a delivery. */
  cursor: bigint("cursor", { mode: "number" }).notNull().default(0),
  /** Set at the first failure of a run of failures; cleared by a success. */
  failingSince: timestamp("failing_since", { withTimezone: true }),
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Finished tasks, in order: what `tasks` hooks deliver (written in the transaction that finishes the task). */
export const taskEvents = pgTable("task_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  taskUid: bigint("task_uid", { mode: "number" }).notNull(),
  indexId: text("index_id").notNull(),
  task: jsonb("task").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What happened to hooks (hook.disabled, hook.failing, hook.recovered, delivery.exhausted): what operational hooks deliver. */
export const operationalEvents = pgTable("operational_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  type: text("type", { enum: ["hook.disabled", "hook.failing", "hook.recovered", "delivery.exhausted"] }).notNull(),
  hookUuid: text("hook_uuid").notNull(),
  reason: text("reason").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One POST to a hook (retried until it succeeds); the body is fixed at creation (a transformation is
 * applied to it at each attempt). "cancelled": the hook's transformation returned `cancel: true`.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    hookUuid: text("hook_uuid")
      .notNull()
      .references(() => hooks.uuid, { onDelete: "cascade" }),
    /** The Standard Webhooks `webhook-id`: stable across retries and replays of this delivery. */
    webhookId: text("webhook_id").notNull(),
    event: text("event").notNull(),
    contentType: text("content_type").notNull(),
    body: text("body").notNull(),
    eventCount: integer("event_count").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed", "dead", "cancelled"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Lease of the worker sending it now; an expired lease means the sender died. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("deliveries_hook_idx").on(t.hookUuid, t.createdAt), index("deliveries_due_idx").on(t.status, t.nextAttemptAt)],
);

export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    error: text("error"),
    /** First 4 KB of the response body. */
    response: text("response"),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId)],
);

/** The built-in request inspector: captured requests per bin. */
export const inspectorRequests = pgTable(
  "inspector_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    binId: text("bin_id").notNull(),
    method: text("method").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inspector_requests_bin_idx").on(t.binId, t.id)],
);

export type Hook = typeof hooks.$inferSelect;
export type HookKind = Hook["kind"];
export type OperationalEventType = (typeof operationalEvents.$inferSelect)["type"];
export type Delivery = typeof deliveries.$inferSelect;
