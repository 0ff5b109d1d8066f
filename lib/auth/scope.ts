// Index scope checks for API keys limited to some indexes, and who is acting (plain principals, no HTTP).
import { keyCoversIndex, type Principal } from "./principal";
import { forbidden } from "../errors";

export function assertIndexInScope(principal: Principal, indexId: string): void {
  if (principal.type === "key" && !keyCoversIndex(principal.key.indexes, indexId)) {
    throw forbidden(`This API key is not allowed on index "${indexId}".`);
  }
}

/** Creating indexes (or anything instance-wide) needs a key scoped to every index. */
export function assertAllIndexes(principal: Principal): void {
  if (principal.type === "key" && !principal.key.indexes.includes("*")) {
    throw forbidden('This needs an API key scoped to all indexes ("*").');
  }
}

/** The id of whoever is acting, for createdBy columns. */
export function actorId(principal: Principal | null): string {
  if (!principal || principal.type === "master") return "master";
  return principal.type === "user" ? principal.user.id : principal.key.id;
}
