// Lists API keys, newest first, revoked ones included (the dashboard greys them). Never a secret or hash.
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ApiKeyDto } from "../contracts/keys";
import type { Db } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { users } from "../db/schema";
import { toDto } from "./dto";

const parent = alias(apiKeys, "parent_key");

export async function listKeys({ db }: { db: Db }): Promise<ApiKeyDto[]> {
  // Creators are users or other keys; join both so the page can say "Ada" or "deploy-bot" instead of an id.
  const rows = await db
    .select({ key: apiKeys, userName: users.name, parentName: parent.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(parent, eq(parent.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((r) => toDto(r.key, r.userName ?? r.parentName ?? null));
}
