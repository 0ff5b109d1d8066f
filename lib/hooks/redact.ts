// Header values are write-only: reads show `Bearer ****` (the scheme helps recognise it) or `****abcd`,
// and a PATCH that sends a redacted value back keeps the stored one instead of saving the mask.
const MASK = "****";
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
