// Creates an API key. The first step is the permission check; the secret is returned once, here,
// and only its SHA-256 and a short visible start are stored.
import type { Principal } from "../auth/principal";
import type { ApiKeyDto, CreateKeyInput } from "../contracts/keys";
import type { Db } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { newId } from "../ids";
import { toDto } from "./dto";
import { generateKey, hashKey, kindFor, startOf } from "./format";
import { assertCanGrant, creatorId, normalizeGrant } from "./grant";

export interface CreatedKey extends ApiKeyDto {
  /** The full secret: shown to the caller this one time, never again. */
  key: string;
}

function creatorName(p: Principal): string | null {
  return p.type === "user" ? p.user.name : p.type === "key" ? p.key.name : null;
}

export async function createKey({
  db,
  principal,
  input,
}: {
  db: Db;
  principal: Principal;
  input: CreateKeyInput;
}): Promise<CreatedKey> {
  const grant = normalizeGrant({ actions: input.actions, indexes: input.indexes });
  assertCanGrant(principal, grant);
  const kind = kindFor(grant.actions);
  const key = generateKey(kind);
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      name: input.name,
      description: input.description || null,
      kind,
      hash: hashKey(key),
      start: startOf(key),
      actions: grant.actions,
      indexes: grant.indexes,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      createdBy: creatorId(principal),
    })
    .returning();
  return { ...toDto(row, creatorName(principal)), key };
}
