// The secret and token actions. Reveal reads; rotate keeps the old secret signing for 24 h so
// receivers can switch without dropping deliveries; regenerate replaces it at once (a leak).
import "server-only";
import { eq, sql } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { loadEditableHook, loadHook } from "./load-hook";
import { newSecret } from "../net/signing";
import { newToken, ROTATION_GRACE_MS } from "./secrets";

export interface SecretResult {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
}

// Every action here is audited, reveals included (who has seen a credential matters after a leak);
// the entry never holds the value itself.
export async function hookSecret({
  db,
  uuid,
  action,
  ctx,
}: {
  db: Db;
  uuid: string;
  action: "reveal" | "rotate" | "regenerate";
  ctx: AuditCtx;
}): Promise<SecretResult> {
  const target = { type: "hook", id: uuid };
  if (action === "reveal") {
    return db.transaction(async (tx) => {
      const row = await loadHook(tx, uuid);
      const live = row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
      await audit(tx, ctx, { action: "hook.secret_revealed", target });
      return {
        secret: row.secret,
        previousSecret: live ? row.previousSecret : null,
        previousSecretExpiresAt: live ? row.previousSecretExpiresAt!.toISOString() : null,
      };
    });
  }
  const secret = newSecret();
  const expires = action === "rotate" ? new Date(Date.now() + ROTATION_GRACE_MS) : null;
  return db.transaction(async (tx) => {
    await loadEditableHook(tx, uuid);
    // The old secret is copied in SQL, so two concurrent rotations cannot lose the one receivers still use.
    const [row] = await tx
      .update(hooks)
      .set({ secret, previousSecret: expires ? sql`${hooks.secret}` : null, previousSecretExpiresAt: expires, updatedAt: new Date() })
      .where(eq(hooks.uuid, uuid))
      .returning({ previousSecret: hooks.previousSecret });
    await audit(tx, ctx, {
      action: action === "rotate" ? "hook.secret_rotated" : "hook.secret_regenerated",
      target,
      details: expires ? { previousSecretExpiresAt: expires.toISOString() } : undefined,
    });
    return { secret, previousSecret: row.previousSecret, previousSecretExpiresAt: expires?.toISOString() ?? null };
  });
}

export async function hookToken({
  db,
  uuid,
  input,
  ctx,
}: {
  db: Db;
  uuid: string;
  input: { action: "reveal" | "regenerate" } | { token: string };
  ctx: AuditCtx;
}): Promise<{ token: string }> {
  const target = { type: "hook", id: uuid };
  return db.transaction(async (tx) => {
    if ("action" in input && input.action === "reveal") {
      const { token } = await loadHook(tx, uuid);
      await audit(tx, ctx, { action: "hook.token_revealed", target });
      return { token };
    }
    await loadEditableHook(tx, uuid);
    const token = "token" in input ? input.token : newToken();
    await tx.update(hooks).set({ token, updatedAt: new Date() }).where(eq(hooks.uuid, uuid));
    // Set by hand or generated: either way a new value receivers must learn (hook.token_set marks the former).
    await audit(tx, ctx, { action: "token" in input ? "hook.token_set" : "hook.token_regenerated", target });
    return { token };
  });
}
