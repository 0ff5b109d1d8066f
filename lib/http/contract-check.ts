// What an answer outside its contract does: outside production, and in the test server
// (INDEXHOOK_STRICT_CONTRACTS=1), it is a loud failure (500 and the log); in production it is logged once
// and sent. Shared by route() and the search fast lane.
import "server-only";
import type { RouteContract } from "../contracts/define";

const strict = () => process.env.NODE_ENV !== "production" || process.env.INDEXHOOK_STRICT_CONTRACTS === "1";

export class ContractViolation extends Error {}

const warned = new Set<string>();
export function violation(c: RouteContract, what: string): void {
  const message = `contract violation: ${c.method.toUpperCase()} ${c.path} ${what}`;
  if (strict()) throw new ContractViolation(message);
  if (!warned.has(message)) {
    warned.add(message);
    console.warn(`[indexhook] ${message}`);
  }
}
