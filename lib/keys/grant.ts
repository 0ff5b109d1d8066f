// "A key can never grant more than its creator has": the authority check shared by create and revoke.
import type { Action } from "../contracts/define";
import { keyAllows, roleAtLeast, type Principal } from "../auth/principal";
import { forbidden } from "../errors";

export interface Grant {
  actions: Action[];
  indexes: string[];
}

/** Deduplicates and collapses wildcards, so `["*", "a"]` is stored (and compared) as `["*"]`. */
export function normalizeGrant(g: Grant): Grant {
  const actions = g.actions.includes("*") ? (["*"] as Action[]) : [...new Set(g.actions)];
  const indexes = g.indexes.includes("*") ? ["*"] : [...new Set(g.indexes)];
  return { actions, indexes };
}

/** What the principal may hand out, or a reason why it may not manage keys at all. */
function authorityOf(p: Principal): Grant | string {
  if (p.type === "master") return { actions: ["*"], indexes: ["*"] };
  if (p.type === "user") {
    if (p.user.role === "admin") return { actions: ["*"], indexes: ["*"] };
    if (roleAtLeast(p.user.role, "member")) return { actions: ["search", "ingest", "deploy"], indexes: ["*"] };
    return "Viewers cannot manage API keys.";
  }
  if (!keyAllows(p.key.actions, ["admin"])) return "Only keys with the admin action can manage API keys.";
  return { actions: p.key.actions, indexes: p.key.indexes };
}

/** The parts of `wanted` the principal does not have; empty when it may grant all of it. */
export function excess(p: Principal, wanted: Grant): { actions: string[]; indexes: string[] } | string {
  const have = authorityOf(p);
  if (typeof have === "string") return have;
  const actions = have.actions.includes("*") ? [] : wanted.actions.filter((a) => !have.actions.includes(a));
  const indexes = have.indexes.includes("*") ? [] : wanted.indexes.filter((i) => !have.indexes.includes(i));
  return { actions, indexes };
}

/** Throws 403 naming what exceeds the principal's own grant. */
export function assertCanGrant(p: Principal, wanted: Grant, verb = "create"): void {
  const over = excess(p, normalizeGrant(wanted));
  if (typeof over === "string") throw forbidden(over);
  const parts: string[] = [];
  if (over.actions.length) parts.push(`actions ${over.actions.map((a) => `"${a}"`).join(", ")}`);
  if (over.indexes.length) parts.push(`indexes ${over.indexes.map((i) => `"${i}"`).join(", ")}`);
  if (parts.length) {
    throw forbidden(`You cannot ${verb} a key with ${parts.join(" and ")}: a key can never grant more than its creator has.`);
  }
}

/** Who made a key, as stored in `created_by`: a user id, a key id, or "master". */
export function creatorId(p: Principal): string {
  return p.type === "master" ? "master" : p.type === "user" ? p.user.id : p.key.id;
}
