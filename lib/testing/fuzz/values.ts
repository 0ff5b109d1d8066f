// Building blocks of the property-based route suite: random JSON of any shape, odd ids, odd strings,
// and URLs that can never make the server reach a non-loopback address (hosts under the reserved
// `.invalid` / `.example` TLDs, which never resolve, or loopback literals on a closed port).
import { fc } from "@fast-check/vitest";

/** Strings with the characters that break naive code: unicode, NUL, separators, quotes, traversal. */
export const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "..", "../..", "%00", "\u0000", "a\u0000b", "%", "%zz", "%2e%2e", "\\", "'", '"', "<script>", "\u202e", "😀", "ǅ", "\ud800", "null", "undefined", "__proto__", "constructor", "NaN", "-1", "0", "1e309"),
);

/** A long string made cheaply (no per-character generation): up to ~1.1 MB, over the 1 MiB JSON body cap. */
export const hugeString = fc
  .tuple(fc.constantFrom(1_000, 70_000, 300_000, 1_100_000), fc.constantFrom("x", "é", "ab ", "😀"))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Random JSON of random shape (nesting moderate), strings from `oddString`. */
export function randomJson(maxDepth = 4): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      oddString,
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(oddString, tie("value"), { maxKeys: 5 }),
    ),
  }));
  return value;
}

/** JSON nested `depth` deep ([[[…]]] or {"a":{"a":…}}), as text. */
export const deepJsonText = (depth: number, kind: "array" | "object") =>
  kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** Bodies that are not JSON at all, or broken JSON. */
export const malformedJsonText = fc.oneof(
  fc.constantFrom("", " ", "{", "[", '{"a":', "{'a':1}", "[1,]", '{"a":1,}', "nul", "NaN", "\u0000", "\ufeff{}", '{"a":"\\ud800"}', "[1 2]", "{}{}", '"unterminated', "01"),
  fc.string({ maxLength: 60 }),
  fc.integer({ min: 1, max: 60 }).map((d) => deepJsonText(d, "array").slice(0, -1)),
);

/** Content types a JSON route should refuse (or, for raw routes, handle). */
export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/x-ndjson",
  "application/xml",
  "application/vnd.api+json",
  "",
  "garbage/;;;",
);

/** encodeURIComponent that never throws: a lone surrogate becomes U+FFFD, as a browser would send it. */
export function encode(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
}

/** Path segments that are not what a route expects: unicode, traversal, percent-escapes (valid and not), very long. */
export const oddId = fc.oneof(
  fc.constantFrom("..", ".", "%2e%2e", "%00", "%zz", "%", "%2F", "a%2Fb", "%E2%80%AE", "%F0%9F%98%80", "%ff", "0", "-1", "1.5", "9".repeat(30), "NaN", "null", "idx_", "bin_", "hook_x", "ihk_admin_x"),
  fc.string({ minLength: 1, maxLength: 30 }).map(encode),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }).map(encode),
  fc.string({ unit: "binary", minLength: 1, maxLength: 10 }).map(encode),
  fc.integer({ min: 65, max: 5000 }).map((n) => "a".repeat(n)),
  fc.uuid(),
  fc.integer({ min: -10, max: 2 ** 53 + 10 }).map(String),
);

// ---- URLs: never a host that resolves, never a non-loopback address ----

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "127.1", "[::1]", "2130706433", "0x7f000001", "0177.0.0.1", "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]"];
const SAFE_SUFFIXES = [".invalid", ".example"];

/** True for a host the suite may put in a URL: reserved never-resolving TLDs, or loopback. */
export function isSafeHost(hostname: string): boolean {
  let h = hostname.toLowerCase().replace(/\.$/, "");
  // Non-special schemes (javascript:, foo:) leave `2130706433` as written: read it as an http host would be.
  try {
    h = new URL(`http://${h}`).hostname;
  } catch {
    /* not a host an http client could use either */
  }
  if (h === "" || SAFE_SUFFIXES.some((s) => h.endsWith(s))) return true;
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(h) || h === "[::1]" || h === "[::ffff:7f00:1]") return true;
  return false;
}

/**
 * Every string inside `value` that parses as a URL with a host: the hosts must all be safe. The
 * server reads URLs with the WHATWG parser (`new URL`), so this is the reading that matters; the
 * parser also normalises `2130706433` or `0x7f000001` to 127.0.0.1.
 */
export function unsafeHosts(value: unknown): string[] {
  const found: string[] = [];
  // Iterative: generated bodies may nest thousands deep.
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      for (const s of [v, v.trim()]) {
        try {
          const u = new URL(s);
          if (u.hostname && !isSafeHost(u.hostname)) found.push(u.hostname);
        } catch {
          /* not a URL */
        }
      }
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") stack.push(...Object.values(v));
  }
  return found;
}

/** Hook / policy / embeddings URLs: odd schemes, ports, paths; hosts only from the safe list (plus `own`). */
export function safeUrl(own?: string): fc.Arbitrary<string> {
  const host = fc.oneof(
    fc.constantFrom(...LOOPBACK_HOSTS),
    fc.stringMatching(/^[a-z0-9-]{1,20}$/).chain((l) => fc.constantFrom(`${l}.invalid`, `${l}.example`, `hooks.${l}.invalid`)),
  );
  const built = fc
    .record({
      scheme: fc.constantFrom("https", "http", "ftp", "file", "javascript", "HTTP", "ws"),
      host,
      port: fc.constantFrom("", ":9", ":1", ":0", ":65535", ":99999", ":abc"),
      path: fc.oneof(fc.constant("/"), fc.constantFrom("/hook", "/../..", "/%00", "/a?b=c#d", "/😀", "/v1"), oddString.map((s) => "/" + encode(s))),
      userinfo: fc.constantFrom("", "", "user:pass@", "@"),
    })
    .map(({ scheme, host, port, path, userinfo }) => `${scheme}://${userinfo}${host}${port}${path}`);
  return fc.oneof(
    { weight: 6, arbitrary: built },
    { weight: 1, arbitrary: fc.constantFrom("not a url", "http://", "https://[::1", "//no-scheme.invalid/x", "http:/\\x.invalid", "") },
    { weight: 1, arbitrary: oddString },
    ...(own ? [{ weight: 1, arbitrary: fc.constantFrom(own, `${own}/api/v1/inspect/bin_nonexistent00`, own.replace("127.0.0.1", "localhost")) }] : []),
  );
}
