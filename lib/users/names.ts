// Display names for "who did it" ids: a user id, an API key id (`key_…`) or "master".
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { apiKeys, users } from "../db/schema";

/** `keyNames: false` names keys only as "an API key" (for callers who may not see the key list). */
export async function creatorNames(db: DbOrTx, ids: (string | null | undefined)[], { keyNames = true } = {}): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  if (wanted.includes("master")) names.set("master", "master key");
  const rest = wanted.filter((id) => id !== "master");
  if (!rest.length) return names;
  const [people, keys] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, rest)),
    db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, rest)),
  ]);
  for (const r of people) names.set(r.id, r.name);
  for (const r of keys) names.set(r.id, keyNames ? `key: ${r.name}` : "an API key");
  return names;
}
