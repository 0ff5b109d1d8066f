// Standard Webhooks signing, shared by every webhook this instance sends (hook deliveries and the
// registration-policy webhook): secret generation, message ids, the User-Agent and the v1 signature.
// It lives in lib/net, the home of outbound requests, so neither sender imports the other's domain.
// The secret is Standard Webhooks' `whsec_` + base64 of the key bytes, so receivers can hand it to any
// standardwebhooks library.
import { createHmac, randomBytes } from "node:crypto";
import { newId } from "../ids";

export const USER_AGENT = "Indexhook-Webhooks/1";

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The `webhook-id` of one message (stable across its retries). */
export const newWebhookId = () => newId("msg", 24);

// Decoded signing keys by secret (a hook has one or two; the map is bounded by the hooks of an instance).
const keys = new Map<string, Buffer>();
function signingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 256) keys.clear();
    key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
    if (!key.length) throw new Error("Secret can't be empty.");
    keys.set(secret, key);
  }
  return key;
}

/**
 * The Standard Webhooks v1 signature (what standardwebhooks' Webhook#sign computes: HMAC-SHA256 of
 * `id.timestamp.body` under the base64 secret), with node:crypto instead of that package's pure-JS
 * SHA-256, which cost milliseconds per 1,000-change body. headers.test.ts checks they agree.
 */
export function sign(secret: string, webhookId: string, at: Date, body: string): string {
  const mac = createHmac("sha256", signingKey(secret));
  mac.update(`${webhookId}.${Math.floor(at.getTime() / 1000)}.`);
  mac.update(body);
  return `v1,${mac.digest("base64")}`;
}
