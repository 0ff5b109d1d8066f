// Revokes an API key. Takes effect at once: the key leaves this process's key cache here and every
// other process's when the NOTIFY sent in the revoking transaction is delivered (on commit).
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { audit, auditCtx, type AuditCtx } from "../audit/context";
import type { Action } from "../contracts/define";
import type { Principal } from "../auth/principal";
import type { ApiKeyDto } from "../contracts/keys";
import type { Db } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { notFound } from "../errors";
import { toDto } from "./dto";
import { assertCanGrant } from "./grant";
import { forgetKey } from "./key-cache";
import { KEYS_CHANNEL } from "../db/channels";

export async function revokeKey({
  db,
  principal,
  input,
  ctx = auditCtx(principal),
}: {
  db: Db;
  principal: Principal;
  input: { id: string };
  ctx?: AuditCtx;
}): Promise<ApiKeyDto> {
  const [existing] = await db.select().from(apiKeys).where(eq(apiKeys.id, input.id));
  if (!existing) throw notFound(`No API key ${input.id}.`);
  // Only keys the caller could have created: a scoped admin key cannot cut off a wider one.
  assertCanGrant(principal, { actions: existing.actions as Action[], indexes: existing.indexes }, "revoke");
  // Revoking twice keeps the first revocation time (idempotent).
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
      .returning();
    // A second revoke changes nothing, so it writes no entry either.
    if (row) await audit(tx, ctx, { action: "key.revoked", target: { type: "key", id: row.id }, details: { name: row.name, actions: row.actions, indexes: row.indexes } });
    await tx.execute(sql`select pg_notify(${KEYS_CHANNEL}, ${input.id})`);
    return row;
  });
  forgetKey(input.id);
  return toDto(row ?? existing, null);
}
