// Hook tokens and secret rotation. The token is sent verbatim (Dexie style); signing secrets are made
// by lib/net/signing (shared with the registration-policy webhook).
import { randomBase58 } from "../ids";

export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

export function newToken(): string {
  return `iht_${randomBase58(32)}`;
}
