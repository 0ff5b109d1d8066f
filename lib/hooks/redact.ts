// The one place secrets are turned into what a read shows. Every read of hook headers (the hook itself,
// a delivery's headers sent, an inspector capture) goes through here, for every role: only the audited
// reveal (hook-credentials.ts) returns a secret or token, and custom header values are write-only.
// Header names stay visible; values read `Bearer ****` (the scheme helps recognise it) or `****abcd`,
// and a PATCH that sends a redacted value back keeps the stored one instead of saving the mask.
export const MASK = "****";
const AUTH_LIKE = /authorization|auth|token|secret|key|cookie|password|signature/i;
const SCHEME = /^([A-Za-z][A-Za-z0-9_-]{1,30})\s+\S/;

export function redactValue(name: string, value: string): string {
  const scheme = SCHEME.exec(value);
  if (/^(proxy-)?authorization$/i.test(name) && scheme) return `${scheme[1]} ${MASK}`;
  // Short or credential-like values show nothing: four characters of a short secret is too much of it.
  if (AUTH_LIKE.test(name) || value.length < 12) return MASK;
  return `${MASK}${value.slice(-4)}`;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, redactValue(k, v)]));
}

/** Headers of our own protocol whose values are not secrets (the signature is an HMAC: it reveals no key). */
const PUBLIC_PROTOCOL = new Set(["content-type", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature"]);

/**
 * The headers a hook sends, as a delivery read shows them: deny by default, so the token and every
 * custom header value come out redacted exactly as GET /hooks/{uuid} shows them, whatever their name.
 */
export function redactSentHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, PUBLIC_PROTOCOL.has(k.toLowerCase()) ? v : redactValue(k, v)]));
}

/**
 * Headers someone sent TO the inspector. Anyone may send there, so most values are the sender's business
 * and stay readable, except credentials: credential-like names (authorization, x-indexhook-token, cookie,
 * *-key, …; not the public webhook-signature) and any value equal to one of `known` (this instance's hook
 * tokens, secrets and custom header values, whatever header carried them).
 */
export function redactCapturedHeaders(headers: Record<string, string>, known: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => {
      if (AUTH_LIKE.test(k) && !PUBLIC_PROTOCOL.has(k.toLowerCase())) return [k, redactValue(k, v)];
      return [k, known.has(v.trim()) ? MASK : v];
    }),
  );
}

/** The headers to store: each value equal to the redacted form of the stored one (same name, any case) keeps it. */
export function mergeHeaders(stored: Record<string, string>, incoming: Record<string, string>): Record<string, string> {
  const byName = new Map(Object.entries(stored).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.fromEntries(
    Object.entries(incoming).map(([k, v]) => {
      const old = byName.get(k.toLowerCase());
      return [k, old !== undefined && v === redactValue(k, old) ? old : v];
    }),
  );
}
