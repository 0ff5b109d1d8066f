// The audit log's one writer. Call it with the transaction that makes the change, so the change and
// its entry commit (or roll back) together. Details are redacted here: no caller can leak a secret.
import type { DbOrTx } from "../db";
import { auditLog } from "../db/schema";
import type { Principal } from "../auth/principal";
import type { AUDIT_ACTIONS } from "../contracts/audit";

/** Every action the log knows (the page filters by them); a new one is added to AUDIT_ACTIONS first. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface Actor {
  type: "user" | "key" | "master" | "anonymous" | "system";
  id?: string | null;
  name?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  target?: { type: string; id: string | null };
  details?: Record<string, unknown>;
  ip?: string | null;
}

export function actorOf(p: Principal | null | undefined): Actor {
  if (!p) return { type: "anonymous" };
  if (p.type === "master") return { type: "master", id: "master", name: "master key" };
  if (p.type === "user") return { type: "user", id: p.user.id, name: p.user.email };
  return { type: "key", id: p.key.id, name: p.key.name };
}

/** Field names whose values are never written: secrets, tokens, passwords, keys, auth headers. */
const SECRET_FIELD = /secret|token|password|authorization|cookie|^key$|apikey|api_key|signature/i;
export const REDACTED = "[redacted]";

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELD.test(k) && v !== null && v !== undefined && typeof v !== "boolean" ? REDACTED : redactSecrets(v, depth + 1);
    }
    return out;
  }
  // Secrets that travel in values rather than fields (a whsec_/ihk_ string pasted anywhere).
  if (typeof value === "string" && /\b(whsec_|ihk_[a-z]+_)[A-Za-z0-9+/=_-]{8,}/.test(value)) return REDACTED;
  return value;
}

/**
 * The client address for the log: the LAST X-Forwarded-For entry, the one the nearest proxy appended
 * from the connection it saw (earlier entries are whatever the client sent). `next start` only sets
 * the header when the request has none, so without a proxy in front a client can still write its own.
 */
export function clientIp(header: (name: string) => string | null | undefined): string | null {
  const fwd = header("x-forwarded-for");
  const last = fwd?.split(",").pop()?.trim();
  return last || header("x-real-ip") || null;
}

/** Anything with request headers (a route's Request): the audit log needs only the address headers. */
export type WithHeaders = { headers: { get(name: string): string | null } };

export function requestIp(req: WithHeaders | null | undefined): string | null {
  return req ? clientIp((n) => req.headers.get(n)) : null;
}

export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorName: actor.name ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: entry.details ? (redactSecrets(entry.details) as Record<string, unknown>) : null,
    ip: entry.ip ?? null,
  });
}
