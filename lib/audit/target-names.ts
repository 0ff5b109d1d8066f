// Names for the targets of audit entries, so the log reads "key ci-deployer", not "key key_Ayz27…":
// the object's current name when it still exists, else the name an entry about it recorded (a deleted
// hook's URL from hook.deleted, a user's email from user.deleted …). Ids stay in the entry for hover.
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { apiKeys, auditLog, hooks, indexes, invites, users, type AuditRow } from "../db/schema";

const NAMED = ["key", "hook", "user", "invite", "index"] as const;
type Named = (typeof NAMED)[number];

const ref = (type: string, id: string) => `${type}\u0000${id}`;
const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A poll hook has no URL: it is named by the start of its uuid, as on the hooks page. */
const hookName = (uuid: string, url: string | null) => url || `Poll hook ${uuid.slice(0, 8)}`;

/** The name an entry's details carry for its target, if any (what each writer records: docs/audit-log.md). */
export function nameFromDetails(type: string, id: string, details: Record<string, unknown> | null): string | null {
  const d = details ?? {};
  const [before, after] = [obj(d.before), obj(d.after)];
  switch (type) {
    case "key":
      return str(d.name) ?? str(after.name) ?? str(before.name);
    case "hook": {
      const url = str(after.url) ?? str(before.url) ?? str(d.url);
      const kind = str(after.kind) ?? str(before.kind);
      return url ?? (kind || after.url === "" || before.url === "" ? hookName(id, null) : null);
    }
    case "user":
    case "invite":
      return str(d.email) ?? str(after.email) ?? str(before.email);
    case "index":
      return str(after.name) ?? str(before.name);
    default:
      return null;
  }
}

async function liveNames(db: DbOrTx, type: Named, ids: string[]): Promise<[string, string][]> {
  switch (type) {
    case "key":
      return (await db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, ids))).map((r) => [r.id, r.name]);
    case "hook":
      return (await db.select({ id: hooks.uuid, url: hooks.url }).from(hooks).where(inArray(hooks.uuid, ids))).map((r) => [r.id, hookName(r.id, r.url)]);
    case "user":
      return (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids))).map((r) => [r.id, r.email]);
    case "invite":
      return (await db.select({ id: invites.id, email: invites.email }).from(invites).where(inArray(invites.id, ids))).map((r) => [r.id, r.email]);
    case "index":
      return (await db.select({ id: indexes.id, name: indexes.name }).from(indexes).where(inArray(indexes.id, ids))).map((r) => [r.id, r.name]);
  }
}

/** Name of each (type, id) target of `rows`; a target with no name found is absent from the map. */
export async function targetNames(db: DbOrTx, rows: Pick<AuditRow, "targetType" | "targetId">[]): Promise<(type: string, id: string) => string | null> {
  const names = new Map<string, string>();
  for (const type of NAMED) {
    const ids = [...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!))];
    if (!ids.length) continue;
    for (const [id, name] of await liveNames(db, type, ids)) names.set(ref(type, id), name);
    const gone = ids.filter((id) => !names.has(ref(type, id)));
    if (!gone.length) continue;
    // Gone: the newest entry about it that recorded a name (deleted objects keep their last name).
    const past = await db
      .select({ id: auditLog.targetId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, type), inArray(auditLog.targetId, gone)))
      .orderBy(desc(auditLog.id))
      .limit(2000);
    for (const p of past) {
      const key = ref(type, p.id!);
      if (names.has(key)) continue;
      const name = nameFromDetails(type, p.id!, p.details);
      if (name) names.set(key, name);
    }
  }
  return (type, id) => names.get(ref(type, id)) ?? null;
}
