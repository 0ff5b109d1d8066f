import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who did what, when. Written in the same transaction as the change it records, so a change and
 * its entry land or roll back together. `details` never holds a secret (lib/audit redacts).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** user | key | master | anonymous | system */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    /** The actor's name or email at the time (users may be renamed or deleted later). */
    actorName: text("actor_name"),
    /** dotted verb: user.invited, key.created, hook.secret_revealed, auth.sign_in_failed … */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** { before?, after?, reason?, … } with secrets redacted. */
    details: jsonb("details").$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
    // Sign-in throttling counts recent failures per email.
    index("audit_log_action_actor_at_idx").on(t.action, t.actorName, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
