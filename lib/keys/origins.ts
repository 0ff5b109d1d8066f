// Browser origins a public key may be used from (`allowedOrigins`), the way Algolia restricts keys to
// referers. Pure and browser-safe: the key contract validates entries with it, the search routes match
// the request's Origin with it (lib/http/cors.ts).
//
// An entry is an origin — `https://shop.example`, `http://localhost:5173` — or a wildcard over
// subdomains, `https://*.example.com`, which matches `https://a.example.com` and `https://a.b.example.com`
// but not `https://example.com` itself (list both when both are wanted). Scheme and port must match
// (a missing port is the scheme's default); paths are not part of an origin.

export const MAX_ALLOWED_ORIGINS = 50;

const ENTRY = /^(https?):\/\/(\*\.)?([^/?#*\s]+?)\/?$/i;
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[.*\])$/;

/** The canonical form of an entry (lower case, default port dropped), or null when it is not one. */
export function normalizeOriginPattern(raw: string): string | null {
  const m = ENTRY.exec(raw.trim());
  if (!m) return null;
  const [, scheme, wildcard = "", authority] = m;
  let url: URL;
  try {
    url = new URL(`${scheme}://${authority}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.pathname !== "/" || !url.hostname) return null;
  // A wildcard spans the subdomains of a domain name: never of an IP address or a bare top-level name.
  if (wildcard && (IP_HOST.test(url.hostname) || !url.hostname.includes("."))) return null;
  return `${url.protocol}//${wildcard}${url.host}`;
}

function parseOrigin(origin: string): URL | null {
  try {
    const u = new URL(origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u : null;
  } catch {
    return null;
  }
}

/** Whether a request's Origin header value is covered by one of the (normalized) entries. */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  const o = parseOrigin(origin);
  if (!o) return false; // "null" (sandboxed frames, file://) and anything else unparsable
  const exact = `${o.protocol}//${o.host}`;
  for (const p of patterns) {
    if (p === exact) return true;
    const star = p.indexOf("//*.");
    if (star < 0) continue;
    const base = parseOrigin(p.slice(0, star + 2) + p.slice(star + 4));
    if (base && base.protocol === o.protocol && base.port === o.port && o.hostname.endsWith(`.${base.hostname}`)) return true;
  }
  return false;
}
