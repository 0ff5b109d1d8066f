// Reads the audit log: filters, newest first, keyset paging on the entry id (stable while entries are added).
import "server-only";
import { and, desc, eq, gte, ilike, like, lt, lte, or, type SQL } from "drizzle-orm";
import type { AuditEntryDto, AuditQuery } from "../contracts/audit";
import type { DbOrTx } from "../db";
import { auditLog, type AuditRow } from "../db/schema";
import { targetNames } from "./target-names";

const DAY_MS = 86_400_000;

/** LIKE pattern characters taken literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function toAuditDto(r: AuditRow, nameOf: (type: string, id: string) => string | null = () => null): AuditEntryDto {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: { type: r.actorType as AuditEntryDto["actor"]["type"], id: r.actorId, name: r.actorName },
    action: r.action,
    target: r.targetType ? { type: r.targetType, id: r.targetId, name: r.targetId ? nameOf(r.targetType, r.targetId) : null } : null,
    details: r.details ?? null,
    ip: r.ip,
  };
}

export async function listAudit(db: DbOrTx, q: AuditQuery): Promise<{ results: AuditEntryDto[]; next: string | null }> {
  const where: SQL[] = [];
  if (q.actor) {
    const pattern = `%${escapeLike(q.actor)}%`;
    where.push(or(ilike(auditLog.actorId, pattern), ilike(auditLog.actorName, pattern))!);
  }
  if (q.action) where.push(q.action.endsWith(".") ? like(auditLog.action, `${escapeLike(q.action)}%`) : eq(auditLog.action, q.action));
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  // A bare date means the whole day: up to its last millisecond.
  if (q.to) where.push(lte(auditLog.at, new Date(Date.parse(q.to) + (q.to.length === 10 ? DAY_MS - 1 : 0))));
  if (q.before) where.push(lt(auditLog.id, Number(q.before)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const nameOf = await targetNames(db, page);
  return { results: page.map((r) => toAuditDto(r, nameOf)), next: rows.length > q.limit ? String(page[page.length - 1].id) : null };
}
