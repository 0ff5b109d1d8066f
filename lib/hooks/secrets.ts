// Signing secrets and tokens. The secret is Standard Webhooks' `whsec_` + base64 of the key bytes, so
// receivers can hand it to any standardwebhooks library; the token is sent verbatim (Dexie style).
import { randomBytes } from "node:crypto";
import { randomBase58 } from "../ids";

export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function newToken(): string {
  return `iht_${randomBase58(32)}`;
}
