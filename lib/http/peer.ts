// Whether a request comes from this machine (loopback), for the one decision that depends on it:
// first-run setup without the setup code. Never from client headers alone: the peer address is the
// socket's, stamped by scripts/server-preload.mjs (preloaded by every launcher); without that preload
// nothing counts as local.
import "server-only";

const g = globalThis as typeof globalThis & { __indexhookPeerHeader?: string };

type HeaderGetter = { get(name: string): string | null };

function isLoopbackIp(ip: string): boolean {
  const v = ip.trim().toLowerCase().replace(/^::ffff:/, "");
  return v === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v);
}

/** localhost, *.localhost, 127.x.x.x and [::1]: names a browser elsewhere cannot be made to send (DNS rebinding). */
function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "[::1]" || isLoopbackIp(h);
}

function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/**
 * True only when the TCP peer is loopback, nothing says the request was relayed (a reverse proxy on
 * this machine sends X-Forwarded-For, Forwarded or X-Real-IP, and then the real client is elsewhere),
 * and the Host (and Origin, when sent) name this machine — so a web page that rebinds its own domain
 * to 127.0.0.1 does not count either.
 */
export function isLoopbackClient(headers: HeaderGetter): boolean {
  const name = g.__indexhookPeerHeader;
  if (!name) return false;
  const peer = headers.get(name);
  if (!peer || !isLoopbackIp(peer)) return false;
  if (headers.get("forwarded") || headers.get("x-real-ip")) return false;
  // `next start` fills X-Forwarded-For with the peer and X-Forwarded-Host with Host only when absent.
  const xff = headers.get("x-forwarded-for");
  if (xff && xff.trim() !== peer) return false;
  const host = headers.get("host");
  const xfh = headers.get("x-forwarded-host");
  if (!host || (xfh && xfh !== host)) return false;
  const hostname = hostnameOf(host);
  if (!hostname || !isLoopbackHost(hostname)) return false;
  const origin = headers.get("origin");
  if (origin !== null) {
    try {
      if (!isLoopbackHost(new URL(origin).hostname)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
