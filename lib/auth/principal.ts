// Who is calling: a signed-in user, the master key, or an API key.
import type { Action } from "../contracts/define";
import type { Role } from "./roles";
import { roleAtLeast } from "./roles";

export type Principal =
  | { type: "user"; user: { id: string; email: string; name: string; role: Role } }
  | { type: "master" }
  | {
      type: "key";
      key: { id: string; name: string; actions: Action[]; indexes: string[]; createdBy: string | null; allowedOrigins?: string[] };
    };

export { roleAtLeast };

/** True when a key's actions include one of `wanted` ("*" grants everything). */
export function keyAllows(actions: readonly Action[], wanted: readonly Action[]): boolean {
  return actions.includes("*") || wanted.some((a) => actions.includes(a));
}

/** A key's scope covers an index when it lists "*" or the index id. */
export function keyCoversIndex(indexes: readonly string[], indexId: string): boolean {
  return indexes.includes("*") || indexes.includes(indexId);
}

/** The indexes a caller may touch: undefined = all (users, master, keys scoped to "*"). */
export function indexScope(p: Principal): string[] | undefined {
  return p.type === "key" && !p.key.indexes.includes("*") ? p.key.indexes : undefined;
}

export function describePrincipal(p: Principal) {
  if (p.type === "master") return { type: "master" as const, role: "admin" as const };
  if (p.type === "user") return { type: "user" as const, ...p.user };
  return { type: "key" as const, id: p.key.id, name: p.key.name, actions: p.key.actions, indexes: p.key.indexes };
}

/** Whether the caller may learn API keys' names (those who can manage keys: members, admin keys, master). */
export function seesKeyNames(p: Principal): boolean {
  if (p.type === "master") return true;
  if (p.type === "user") return roleAtLeast(p.user.role, "member");
  return keyAllows(p.key.actions, ["admin"]);
}
