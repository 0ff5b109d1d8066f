// Who is acting and from where, threaded from a route handler into the lib function that makes the
// change, so the lib function can write the audit entry inside its own transaction.
import type { Principal } from "../auth/principal";
import type { DbOrTx } from "../db";
import { actorOf, recordAudit, requestIp, type Actor, type AuditEntry, type WithHeaders } from "./record";

export interface AuditCtx {
  actor: Actor;
  ip: string | null;
}

export function auditCtx(principal: Principal | null | undefined, req?: WithHeaders | null): AuditCtx {
  return { actor: actorOf(principal), ip: requestIp(req) };
}

/** recordAudit with the context's actor and ip. */
export function audit(tx: DbOrTx, ctx: AuditCtx, entry: Omit<AuditEntry, "ip">): Promise<void> {
  return recordAudit(tx, ctx.actor, { ...entry, ip: ctx.ip });
}

/** For lib callers without a request (scripts, unit tests): the change is the system's. */
export const SYSTEM_CTX: AuditCtx = { actor: { type: "system", id: "system", name: "system" }, ip: null };
