// Lists API keys, newest first, revoked ones included (the dashboard greys them). Never a secret or hash.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ApiKeyDto } from "../contracts/keys";
import type { Db } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { users } from "../db/schema";
import { toDto } from "./dto";
import { indexScope, type Principal } from "../auth/principal";

const parent = alias(apiKeys, "parent_key");

/**
 * Every key for users, the master key and keys scoped to all indexes; a key scoped to a list of
 * indexes sees only keys that stay within that list (it must not learn of keys it could not manage).
 */
export async function listKeys({ db, principal }: { db: Db; principal?: Principal }): Promise<ApiKeyDto[]> {
  // Creators are users or other keys; join both so the page can say "Ada" or "deploy-bot" instead of an id.
  const rows = await db
    .select({ key: apiKeys, userName: users.name, parentName: parent.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(parent, eq(parent.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const scope = principal ? indexScope(principal) : undefined;
  const visible = scope ? rows.filter((r) => !r.key.indexes.includes("*") && r.key.indexes.every((i) => scope.includes(i))) : rows;
  return visible.map((r) => toDto(r.key, r.userName ?? r.parentName ?? null));
}
