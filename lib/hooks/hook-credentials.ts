// The secret and token actions. Reveal reads; rotate keeps the old secret signing for 24 h so
// receivers can switch without dropping deliveries; regenerate replaces it at once (a leak). An ed25519
// hook's private key is never returned: its reveal, rotate and regenerate answer with the public key.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { Db } from "../db";
import { hooks, type Hook } from "../db/schema/hooks";
import { loadEditableHook, loadHook } from "./load-hook";
import { newSigningKey, schemeOf } from "../net/signing";
import { newToken, ROTATION_GRACE_MS } from "./secrets";

export interface SecretResult {
  secret?: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  publicKey?: string;
  previousPublicKey?: string | null;
}

/**
 * What a credentials answer shows of the keys that sign now: HMAC secrets (whsec_) and public keys;
 * never an ed25519 private key (whsk_). HMAC hooks keep exactly their former answer.
 */
function secretView(row: Pick<Hook, "secret" | "publicKey" | "previousSecret" | "previousPublicKey">, expires: Date | null): SecretResult {
  const previous = expires ? row.previousSecret : null;
  const hmacPrevious = previous && schemeOf(previous) === "hmac-sha256" ? previous : null;
  const edPrevious = previous && schemeOf(previous) === "ed25519" ? row.previousPublicKey : null;
  const out: SecretResult = { previousSecret: hmacPrevious, previousSecretExpiresAt: expires?.toISOString() ?? null };
  if (schemeOf(row.secret) === "hmac-sha256") out.secret = row.secret;
  else out.publicKey = row.publicKey ?? undefined;
  if (out.publicKey || edPrevious) out.previousPublicKey = edPrevious ?? null;
  return out;
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
      return secretView(row, live ? row.previousSecretExpiresAt : null);
    });
  }
  const expires = action === "rotate" ? new Date(Date.now() + ROTATION_GRACE_MS) : null;
  return db.transaction(async (tx) => {
    const current = await loadEditableHook(tx, uuid);
    // A new key of the hook's scheme (an ed25519 hook gets a new key pair).
    const { secret, publicKey } = newSigningKey(current.signing);
    // The old secret is copied in SQL, so two concurrent rotations cannot lose the one receivers still use.
    const [row] = await tx
      .update(hooks)
      .set({
        secret,
        publicKey,
        previousSecret: expires ? sql`${hooks.secret}` : null,
        previousPublicKey: expires ? sql`${hooks.publicKey}` : null,
        previousSecretExpiresAt: expires,
        updatedAt: new Date(),
      })
      .where(eq(hooks.uuid, uuid))
      .returning();
    await audit(tx, ctx, {
      action: action === "rotate" ? "hook.secret_rotated" : "hook.secret_regenerated",
      target,
      details: expires ? { previousSecretExpiresAt: expires.toISOString() } : undefined,
    });
    return secretView(row, expires);
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
