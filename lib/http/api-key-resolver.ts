// Looks up an API key by its secret through the keys module. No cache of positive answers: a revoked
// key must fail on the very next request, and the lookup is one indexed read by hash.
import type { Action } from "../contracts/define";
import type { Principal } from "../auth/principal";
import { getDb } from "../db";
import { verifyKey } from "../keys/verify-key";

type KeyInfo = Extract<Principal, { type: "key" }>["key"];

export async function resolveApiKey(token: string): Promise<KeyInfo | null> {
  const { db } = await getDb();
  const row = await verifyKey({ db, token });
  if (!row) return null;
  return { id: row.id, name: row.name, actions: row.actions as Action[], indexes: row.indexes, createdBy: row.createdBy };
}
