// The origin the caller used to reach this instance. Next rewrites req.url's host (to "localhost" under
// `next start`), so the Host header, or a proxy's X-Forwarded-* headers, is the better witness.
import "server-only";

export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() || req.headers.get("host") || url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
