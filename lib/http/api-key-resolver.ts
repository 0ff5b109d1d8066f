// Looks up an API key by its secret through the keys module. Positive answers are cached per process
// (lib/keys/key-cache.ts) only while this process LISTENs for revocations, so a revoked key fails
// on the next request here and in every other process.
import "server-only";
import type { Action } from "../contracts/define";
import type { Principal } from "../auth/principal";
import { getDb } from "../db";
import { verifyKey } from "../keys/verify-key";
import { enableKeyCache } from "../keys/key-cache";

type KeyInfo = Extract<Principal, { type: "key" }>["key"];

export async function resolveApiKey(token: string): Promise<KeyInfo | null> {
  const h = await getDb();
  const { db } = h;
  void enableKeyCache(h);
  const row = await verifyKey({ db, token });
  if (!row) return null;
  return { id: row.id, name: row.name, actions: row.actions as Action[], indexes: row.indexes, createdBy: row.createdBy, allowedOrigins: row.allowedOrigins };
}
