// The headers of one POST: token, Standard Webhooks id/timestamp/signature(s), content type, custom
// headers. Signed per attempt (the timestamp is fresh) with every active secret; the secret never travels.
import type { Hook } from "../db/schema/hooks";
import { schemeOf, sign, USER_AGENT } from "../net/signing";

/** Headers a hook's custom headers may not override: the receiver relies on them being ours. */
const RESERVED = new Set(["webhook-id", "webhook-timestamp", "webhook-signature", "x-indexhook-token", "content-type", "user-agent", "content-length", "host"]);

type Signable = Pick<Hook, "secret" | "previousSecret" | "previousSecretExpiresAt" | "token" | "headers">;

export function activeSecrets(hook: Signable, now = new Date()): string[] {
  const keep = hook.previousSecret && hook.previousSecretExpiresAt && hook.previousSecretExpiresAt > now;
  return keep ? [hook.secret, hook.previousSecret!] : [hook.secret];
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
  const placeholder = (s: string) => (schemeOf(s) === "ed25519" ? "v1a,… (ed25519 per attempt)" : "v1,… (HMAC-SHA256 per attempt)");
  return { ...h, "webhook-timestamp": "(time of each attempt)", "webhook-signature": [...new Set(activeSecrets(hook).map(placeholder))].join(" ") };
}
