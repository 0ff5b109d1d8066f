// A request path with a broken percent-escape (`/api/v1/indexes/%zz`, `/api/v1/%`) makes Next's own
// router fail to decode it and answer a bare "500 Internal Server Error". proxy.ts runs before that
// decoding and answers 400 instead: the error envelope under /api, plain text elsewhere.
import { badRequest } from "../errors";
import { errorBody } from "./errors";

/** True when `pathname` has a `%` not followed by two hex digits, or escapes that are not UTF-8. */
export function isMalformedPath(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function malformedPathResponse(pathname: string): Response {
  const err = badRequest("The request path has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8).");
  if (pathname.startsWith("/api/")) return Response.json(errorBody(err), { status: err.status });
  return new Response(`${err.message}\n`, { status: err.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
