// Creates an API key. The first step is the permission check; the secret is returned once, here,
// and only its SHA-256 and a short visible start are stored.
import "server-only";
import { audit, auditCtx, type AuditCtx } from "../audit/context";
import type { Principal } from "../auth/principal";
import type { ApiKeyDto, CreateKeyInput } from "../contracts/keys";
import type { Db } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { badRequest } from "../errors";
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
  ctx = auditCtx(principal),
}: {
  db: Db;
  principal: Principal;
  input: CreateKeyInput;
  ctx?: AuditCtx;
}): Promise<CreatedKey> {
  const grant = normalizeGrant({ actions: input.actions, indexes: input.indexes });
  assertCanGrant(principal, grant);
  const kind = kindFor(grant.actions);
  // An origin list is a browser-side restriction: it only makes sense on a key meant for browsers.
  const allowedOrigins = [...new Set(input.allowedOrigins ?? [])];
  if (allowedOrigins.length && kind !== "public") {
    throw badRequest("allowedOrigins applies to public (search-only) keys: private keys never belong in a browser.", [
      { path: "allowedOrigins", message: "only for public (search-only) keys", code: "custom" },
    ]);
  }
  const key = generateKey(kind);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
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
        allowedOrigins,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdBy: creatorId(principal),
      })
      .returning();
    // The entry names the key and its grant, never the secret (nor its hash).
    await audit(tx, ctx, {
      action: "key.created",
      target: { type: "key", id: row.id },
      details: { name: row.name, kind: row.kind, actions: row.actions, indexes: row.indexes, allowedOrigins: row.allowedOrigins, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { ...toDto(row, creatorName(principal)), key };
}
