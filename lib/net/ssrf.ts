// The SSRF guard every outbound request goes through: a URL is refused when any address its host
// resolves to is loopback, private, link-local, CGNAT, ULA, metadata or otherwise not global,
// unless ALLOWED_IP_NETWORKS (or an exact per-call allowance) lists it. CIDR math is ipaddr.js's.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "../env";

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * A URL the guard will not contact. `permanent` unless the host could not be resolved (DNS may answer
 * later): a refused address or a malformed URL stays refused until the URL or ALLOWED_IP_NETWORKS changes.
 */
export class SsrfError extends Error {
  override name = "SsrfError";
  constructor(
    message: string,
    readonly permanent = true,
  ) {
    super(message);
  }
}

// Named ranges, checked first so the reason names the range the operator has to allow.
const BLOCKED: [string, string][] = [
  ["0.0.0.0/8", "this network"],
  ["10.0.0.0/8", "private, RFC 1918"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local, cloud metadata"],
  ["172.16.0.0/12", "private, RFC 1918"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.168.0.0/16", "private, RFC 1918"],
  ["198.18.0.0/15", "benchmarking"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
  ["255.255.255.255/32", "broadcast"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  // IPv4-compatible addresses (::127.0.0.1) are "unicast" to ipaddr.js but reach v4 hosts on some stacks.
  ["::/96", "IPv4-compatible"],
  ["64:ff9b::/96", "NAT64"],
  ["2002::/16", "6to4"],
  ["fc00::/7", "unique local"],
  ["fe80::/10", "link-local"],
  ["ff00::/8", "multicast"],
];
const BLOCKED_PARSED = BLOCKED.map(([cidr, label]) => ({ cidr, label, range: ipaddr.parseCIDR(cidr) }));

/** Parses "10.0.0.0/8", "::1/128" or a bare address (an exact /32 or /128). */
function parseNetwork(spec: string): [Addr, number] {
  const s = spec.trim();
  if (s.includes("/")) return ipaddr.parseCIDR(s);
  const a = ipaddr.parse(s);
  return [a, a.kind() === "ipv4" ? 32 : 128];
}

function inNetworks(addr: Addr, networks: string[]): boolean {
  return networks.some((spec) => {
    try {
      const net = parseNetwork(spec);
      return addr.kind() === net[0].kind() && addr.match(net);
    } catch {
      return false;
    }
  });
}

/** The configured allowance: ALLOWED_IP_NETWORKS as a list, or "any". */
export function configuredAllowance(): string[] | "any" {
  const raw = env().ALLOWED_IP_NETWORKS.trim();
  if (raw === "any") return "any";
  return raw ? raw.split(",").map((c) => c.trim()).filter(Boolean) : [];
}

/** Why an address is refused, or null when it may be contacted. */
export function refusalReason(address: string, allow: string[] = []): string | null {
  const addr = ipaddr.parse(address);
  const configured = configuredAllowance();
  if (configured === "any") return null;
  const networks = [...configured, ...allow];
  if (inNetworks(addr, networks)) return null;
  // An IPv4-mapped IPv6 address reaches the embedded v4 host: judge that one.
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    const v4 = (addr as ipaddr.IPv6).toIPv4Address();
    const inner = refusalReason(v4.toString(), allow);
    return inner ? `${address} maps to ${inner}` : null;
  }
  const hit = BLOCKED_PARSED.find((b) => addr.kind() === b.range[0].kind() && addr.match(b.range));
  if (hit) return `${address} is in ${hit.cidr} (${hit.label})`;
  // Anything else ipaddr.js knows as special (documentation, Teredo, AS112…) is not a public host either.
  const range = addr.range();
  if (range !== "unicast") return `${address} is in a non-global range (${range})`;
  return null;
}

/** Host of a URL as an IP literal when it is one (the WHATWG parser already folds 0x7f.1 and 2130706433). */
function literalHost(hostname: string): string | null {
  const h = hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.IPv6.isValid(h)) return h;
  // Belt and braces for callers that built the host by hand: ipaddr.js accepts decimal/hex/octal forms.
  if (ipaddr.IPv4.isValid(h)) return ipaddr.IPv4.parse(h).toString();
  return null;
}

export interface CheckedUrl {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Validates the scheme, resolves the host once and refuses the URL if any of its addresses is not allowed. */
export async function checkUrl(raw: string, opts: { allow?: string[] } = {}): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SsrfError(`Invalid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SsrfError(`Only http and https URLs are allowed, not ${url.protocol}`);
  if (url.username || url.password) throw new SsrfError("URLs with credentials are not allowed; send them as a header");
  const literal = literalHost(url.hostname);
  let addresses: { address: string; family: number }[];
  if (literal) addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(url.hostname, { all: true, verbatim: true });
    } catch (err) {
      throw new SsrfError(`Cannot resolve ${url.hostname}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, false);
    }
    if (addresses.length === 0) throw new SsrfError(`Cannot resolve ${url.hostname}: no addresses`, false);
  }
  // Every answer is checked, not just the first: a mixed answer is how rebinding attacks start.
  for (const a of addresses) {
    const reason = refusalReason(a.address, opts.allow);
    if (reason) throw new SsrfError(`Refused ${url.hostname}: ${reason}. Add it to ALLOWED_IP_NETWORKS to allow it.`);
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
