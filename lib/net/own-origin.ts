// This instance's own origins, from configuration only (PORT, INDEXHOOK_PUBLIC_URL), never from request
// headers: a hook aimed at one of our inspector bins is delivered over loopback to the listening server,
// and that is the only thing on loopback a hook may reach without ALLOWED_IP_NETWORKS.
import { env } from "../env";

export const INSPECTOR_PATH = /^\/api\/v1\/inspect\/bin_[A-Za-z0-9_-]{8,64}$/;

/** The address the server listens on for its own requests: `next start` binds all interfaces or 127.0.0.1. */
const LOOPBACK = "127.0.0.1";

/** http://localhost:PORT, http://127.0.0.1:PORT, http://[::1]:PORT and INDEXHOOK_PUBLIC_URL's origin. */
export function ownOrigins(): string[] {
  const { PORT, INDEXHOOK_PUBLIC_URL } = env();
  const origins = [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`, `http://[::1]:${PORT}`];
  if (INDEXHOOK_PUBLIC_URL) origins.push(INDEXHOOK_PUBLIC_URL);
  // Normalised the way URL does it (http://localhost:80 is http://localhost).
  return origins.map((o) => new URL(o).origin);
}

export function isOwnOrigin(origin: string): boolean {
  try {
    return ownOrigins().includes(new URL(origin).origin);
  } catch {
    return false;
  }
}

/** True when `url` is `{one of our origins}/api/v1/inspect/bin_…` (no query, no credentials). */
export function isOwnInspectorUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return isOwnOrigin(u.origin) && !u.username && !u.password && !u.search && INSPECTOR_PATH.test(u.pathname);
  } catch {
    return false;
  }
}

/**
 * Where to send a request for one of our inspector bins: the same path on the listening server over
 * loopback (a public https URL would otherwise loop out through the proxy, or resolve to a private
 * address), with the exact allowance that opens only that address. Undefined for any other URL.
 */
export function ownInspectorTarget(url: string): { url: string; allow: string[] } | undefined {
  if (!isOwnInspectorUrl(url)) return undefined;
  return { url: `http://${LOOPBACK}:${env().PORT}${new URL(url).pathname}`, allow: [`${LOOPBACK}/32`] };
}

/**
 * The capture URL of a bin as shown to the person who asked: on the origin their page is on when that
 * is one of ours, else on INDEXHOOK_PUBLIC_URL, else on http://localhost:PORT. A hook saved with it
 * is always deliverable.
 */
export function inspectorBinUrl(pageOrigin: string, binId: string): string {
  const origin = isOwnOrigin(pageOrigin) ? new URL(pageOrigin).origin : env().INDEXHOOK_PUBLIC_URL ? new URL(env().INDEXHOOK_PUBLIC_URL!).origin : `http://localhost:${env().PORT}`;
  return `${origin}/api/v1/inspect/${binId}`;
}
