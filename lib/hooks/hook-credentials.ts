// The secret and token actions. Reveal reads; rotate keeps the old secret signing for 24 h so
// receivers can switch without dropping deliveries; regenerate replaces it at once (a leak).
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { loadEditableHook, loadHook } from "./load-hook";
import { newSecret, newToken, ROTATION_GRACE_MS } from "./secrets";

export interface SecretResult {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
}

export async function hookSecret({ db, uuid, action }: { db: Db; uuid: string; action: "reveal" | "rotate" | "regenerate" }): Promise<SecretResult> {
  if (action === "reveal") {
    const row = await loadHook(db, uuid);
    const live = row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
    return {
      secret: row.secret,
      previousSecret: live ? row.previousSecret : null,
      previousSecretExpiresAt: live ? row.previousSecretExpiresAt!.toISOString() : null,
    };
  }
  await loadEditableHook(db, uuid);
  const secret = newSecret();
  const expires = action === "rotate" ? new Date(Date.now() + ROTATION_GRACE_MS) : null;
  // The old secret is copied in SQL, so two concurrent rotations cannot lose the one receivers still use.
  const [row] = await db
    .update(hooks)
    .set({ secret, previousSecret: expires ? sql`${hooks.secret}` : null, previousSecretExpiresAt: expires, updatedAt: new Date() })
    .where(eq(hooks.uuid, uuid))
    .returning({ previousSecret: hooks.previousSecret });
  return { secret, previousSecret: row.previousSecret, previousSecretExpiresAt: expires?.toISOString() ?? null };
}

export async function hookToken({
  db,
  uuid,
  input,
}: {
  db: Db;
  uuid: string;
  input: { action: "reveal" | "regenerate" } | { token: string };
}): Promise<{ token: string }> {
  if ("action" in input && input.action === "reveal") return { token: (await loadHook(db, uuid)).token };
  await loadEditableHook(db, uuid);
  const token = "token" in input ? input.token : newToken();
  await db.update(hooks).set({ token, updatedAt: new Date() }).where(eq(hooks.uuid, uuid));
  return { token };
}
