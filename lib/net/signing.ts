// Standard Webhooks signing, shared by every webhook this instance sends (hook deliveries and the
// registration-policy webhook): secret generation, message ids, the User-Agent and the signatures:
// v1 (HMAC-SHA256, `whsec_` secrets) and v1a (ed25519, `whsk_` private keys with `whpk_` public keys).
// It lives in lib/net, the home of outbound requests, so neither sender imports the other's domain.
// The secret is Standard Webhooks' `whsec_` + base64 of the key bytes, so receivers can hand it to any
// standardwebhooks library.
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, sign as edSign, type KeyObject } from "node:crypto";
import { newId } from "../ids";

export const USER_AGENT = "Indexhook-Webhooks/1";

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type SigningScheme = "hmac-sha256" | "ed25519";

/**
 * A new signing key of a scheme. ed25519: `secret` is `whsk_` + base64 of the 64-byte secret key
 * (seed then public key, libsodium's layout, as the Standard Webhooks spec has it) and stays on this
 * server; `publicKey` is `whpk_` + base64 of the raw 32-byte public key, for receivers.
 */
export function newSigningKey(scheme: SigningScheme): { secret: string; publicKey: string | null } {
  if (scheme === "hmac-sha256") return { secret: newSecret(), publicKey: null };
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  const seed = Buffer.from(jwk.d!, "base64url");
  const pub = Buffer.from(jwk.x!, "base64url");
  return { secret: `whsk_${Buffer.concat([seed, pub]).toString("base64")}`, publicKey: `whpk_${pub.toString("base64")}` };
}

/** Which scheme a stored secret signs with (a hook keeps its previous key's scheme while it still signs). */
export const schemeOf = (secret: string): SigningScheme => (secret.startsWith("whsk_") ? "ed25519" : "hmac-sha256");

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

const edKeys = new Map<string, KeyObject>();
function edPrivateKey(secret: string): KeyObject {
  let key = edKeys.get(secret);
  if (!key) {
    if (edKeys.size >= 256) edKeys.clear();
    const raw = Buffer.from(secret.slice(5), "base64");
    if (raw.length !== 64) throw new Error("An ed25519 signing key is 64 bytes.");
    key = createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: raw.subarray(0, 32).toString("base64url"), x: raw.subarray(32).toString("base64url") }, format: "jwk" });
    edKeys.set(secret, key);
  }
  return key;
}

/**
 * The Standard Webhooks signature of a message under one stored secret: `v1a,` + base64 of the
 * ed25519 signature of `id.timestamp.body` for a `whsk_` key, else the v1 HMAC below.
 */
export function sign(secret: string, webhookId: string, at: Date, body: string): string {
  if (schemeOf(secret) === "ed25519") {
    const msg = Buffer.from(`${webhookId}.${Math.floor(at.getTime() / 1000)}.${body}`);
    return `v1a,${edSign(null, msg, edPrivateKey(secret)).toString("base64")}`;
  }
  return signV1(secret, webhookId, at, body);
}

/**
 * The Standard Webhooks v1 signature (what standardwebhooks' Webhook#sign computes: HMAC-SHA256 of
 * `id.timestamp.body` under the base64 secret), with node:crypto instead of that package's pure-JS
 * SHA-256, which cost milliseconds per 1,000-change body. headers.test.ts checks they agree.
 */
function signV1(secret: string, webhookId: string, at: Date, body: string): string {
  const mac = createHmac("sha256", signingKey(secret));
  mac.update(`${webhookId}.${Math.floor(at.getTime() / 1000)}.`);
  mac.update(body);
  return `v1,${mac.digest("base64")}`;
}
