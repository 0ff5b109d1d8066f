// The headers of one POST: token, Standard Webhooks id/timestamp/signature(s), content type, custom
// headers. Signed per attempt (the timestamp is fresh) with every active secret; the secret never travels.
import { createHmac } from "node:crypto";
import type { Hook } from "../db/schema/hooks";

export const USER_AGENT = "Indexhook-Webhooks/1";

/** Headers a hook's custom headers may not override: the receiver relies on them being ours. */
const RESERVED = new Set(["webhook-id", "webhook-timestamp", "webhook-signature", "x-indexhook-token", "content-type", "user-agent", "content-length", "host"]);

type Signable = Pick<Hook, "secret" | "previousSecret" | "previousSecretExpiresAt" | "token" | "headers">;

export function activeSecrets(hook: Signable, now = new Date()): string[] {
  const keep = hook.previousSecret && hook.previousSecretExpiresAt && hook.previousSecretExpiresAt > now;
  return keep ? [hook.secret, hook.previousSecret!] : [hook.secret];
}

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

export function signedHeaders(hook: Signable, delivery: { webhookId: string; contentType: string; body: string }, now = new Date()): Record<string, string> {
  const signature = activeSecrets(hook, now)
    .map((s) => sign(s, delivery.webhookId, now, delivery.body))
    .join(" ");
  const custom = Object.fromEntries(Object.entries(hook.headers ?? {}).filter(([k]) => !RESERVED.has(k.toLowerCase())));
  return {
    ...custom,
    "content-type": delivery.contentType,
    "user-agent": USER_AGENT,
    "x-indexhook-token": hook.token,
    "webhook-id": delivery.webhookId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

/** What the API shows as "headers sent": the signature is recomputed per attempt, so it is elided. */
export function displayHeaders(hook: Signable, delivery: { webhookId: string; contentType: string; body: string }): Record<string, string> {
  const h = signedHeaders(hook, delivery);
  return { ...h, "webhook-timestamp": "(time of each attempt)", "webhook-signature": "v1,… (HMAC-SHA256 per attempt)" };
}
