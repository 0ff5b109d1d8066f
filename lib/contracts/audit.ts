// Contract of the audit log reader. Client-safe (zod only): the page uses the action vocabulary too.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";

/** Action groups (prefixes) the dashboard offers as a filter; `action=hook.` matches every hook.* entry. */
export const AUDIT_ACTION_GROUPS = [
  { prefix: "auth.", label: "Sign-in" },
  { prefix: "signup.", label: "Sign-up" },
  { prefix: "user.", label: "Users" },
  { prefix: "invite.", label: "Invites" },
  { prefix: "key.", label: "API keys" },
  { prefix: "hook.", label: "Webhooks" },
  { prefix: "delivery.", label: "Deliveries" },
  { prefix: "index.", label: "Indexes" },
  { prefix: "deploy.", label: "Deploys" },
  { prefix: "settings.", label: "Settings" },
] as const;

/** Every action this code base writes (for docs and the filter's suggestions; the log accepts others). */
export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "signup.admitted",
  "signup.refused",
  "signup.failed_closed",
  "user.created",
  "user.invited",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.deleted",
  "user.renamed",
  "user.password_changed",
  "invite.accepted",
  "invite.revoked",
  "key.created",
  "key.revoked",
  "hook.created",
  "hook.updated",
  "hook.paused",
  "hook.auto_paused",
  "hook.resumed",
  "hook.deleted",
  "hook.secret_revealed",
  "hook.secret_rotated",
  "hook.secret_regenerated",
  "hook.token_revealed",
  "hook.token_regenerated",
  "hook.token_set",
  "hook.test_sent",
  "delivery.replayed",
  "index.created",
  "index.updated",
  "index.deleted",
  "deploy.requested",
  "deploy.rolled_back",
  "settings.registration_changed",
  "settings.policy_secret_revealed",
  "settings.policy_secret_rotated",
  "dump.created",
  "dump.downloaded",
] as const;

export const auditEntrySchema = z
  .object({
    id: z.string().meta({ description: "Increasing entry id; pass it as `before` to read older entries" }),
    at: z.string(),
    actor: z.object({
      type: z.enum(["user", "key", "master", "anonymous", "system"]),
      id: z.string().nullable(),
      name: z.string().nullable().meta({ description: "Email, key name or the email tried (failed sign-ins), as it was at the time" }),
    }),
    action: z.string(),
    target: z
      .object({
        type: z.string(),
        id: z.string().nullable(),
        name: z
          .string()
          .nullable()
          .meta({ description: "What people call it: a key's name, a hook's URL, a user's or invite's email, an index's name — its current one, or for a deleted object the last one recorded; null when unknown" }),
      })
      .nullable(),
    details: z.record(z.string(), z.unknown()).nullable().meta({ description: "before/after, reason … — secrets never written" }),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

const dateOrTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const auditQuery = z
  .strictObject({
    actor: z.string().trim().min(1).max(320).optional().meta({ description: "Part of the actor's id or name (email, key name), case-insensitive" }),
    action: z
      .string()
      .trim()
      .regex(/^[a-z][a-z_]*(\.[a-z_]+)*\.?$/, "an action (hook.created) or a prefix ending in a dot (hook.)")
      .max(100)
      .optional()
      .meta({ description: "An action (`hook.created`) or a prefix ending in a dot (`hook.` = every hook action)" }),
    targetType: z.string().trim().min(1).max(50).optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    from: dateOrTime.optional().meta({ description: "ISO date or date-time: entries at or after it" }),
    to: dateOrTime.optional().meta({ description: "ISO date or date-time: entries at or before it (a date includes that whole UTC day)" }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.string().regex(/^[1-9][0-9]{0,17}$/, "an entry id (the previous page's `next`)").optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to) + (q.to.length === 10 ? 86_400_000 - 1 : 0), {
    message: "must not be before `from`",
    path: ["to"],
  });
export type AuditQuery = z.infer<typeof auditQuery>;

export const listAuditContract = contract({
  method: "get",
  path: "/api/v1/audit",
  summary: "The audit log, newest first: who changed what, when (secrets never recorded)",
  tags: ["Audit log"],
  auth: { session: "admin", key: ["admin"], wholeInstance: true },
  query: auditQuery,
  responses: {
    200: { description: "A page of entries; `next` is the `before` of the following page, null on the last", schema: z.object({ results: z.array(auditEntrySchema), next: z.string().nullable() }) },
    400: { description: "Invalid filter", schema: errorSchema },
  },
});
