// The built-in request inspector lives on this instance, usually on loopback. A hook pointing at it
// must be deliverable without opening loopback for every other URL, so the delivery engine passes
// this exact allowance to safeRequest only when the URL is this instance's inspector.
import ipaddr from "ipaddr.js";

export const INSPECTOR_PATH = /^\/api\/v1\/inspect\/bin_[A-Za-z0-9_-]{8,64}$/;

/** True when `url` is `{selfOrigin}/api/v1/inspect/{binId}` (no query, no credentials). */
export function isInspectorUrl(url: string, selfOrigin: string): boolean {
  try {
    const u = new URL(url);
    const self = new URL(selfOrigin);
    return u.origin === self.origin && !u.username && !u.password && !u.search && INSPECTOR_PATH.test(u.pathname);
  } catch {
    return false;
  }
}

/**
 * Exact CIDRs to pass as `allow` to safeRequest/checkUrl for this instance's inspector URL, else undefined.
 * An IP-literal self origin allows that one address; `localhost` allows 127.0.0.1 and ::1. Any other
 * host name gets no allowance: if it resolves to a private address, ALLOWED_IP_NETWORKS must list it.
 */
export function inspectorAllowance(url: string, selfOrigin: string): string[] | undefined {
  if (!isInspectorUrl(url, selfOrigin)) return undefined;
  const host = new URL(selfOrigin).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return ["127.0.0.1/32", "::1/128"];
  if (ipaddr.isValid(host)) {
    const a = ipaddr.process(host);
    return [`${a.toString()}/${a.kind() === "ipv4" ? 32 : 128}`];
  }
  return undefined;
}
