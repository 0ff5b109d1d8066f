// Meilisearch's error object (`message, code, type, link` at the top level), added beside our envelope
// on the routes whose contract says errorStyle: "meilisearch" (tasks, /webhooks, /health), so a
// Meilisearch client throws MeilisearchApiError with the code it knows (task_not_found, invalid_api_key…).
// The status stays the one lib/errors.ts maps our code to.
import type { RouteContract } from "../contracts/define";
import type { AppError, ErrorCode } from "../errors";
import { bearerToken } from "./authenticate";

export interface MeilisearchError {
  message: string;
  code: string;
  type: "invalid_request" | "auth" | "internal" | "system";
  link: string;
}

/** Our codes whose Meilisearch name differs on every Meilisearch-shaped route. */
const DEFAULT_CODES: Partial<Record<ErrorCode, string>> = {
  invalid_request: "bad_request",
  invalid_json: "malformed_payload",
  json_too_deep: "malformed_payload",
  unsupported_media_type: "invalid_content_type",
  payload_too_large: "payload_too_large",
  forbidden: "invalid_api_key",
  internal_error: "internal",
  unavailable: "internal",
};

const link = (code: string) => `https://docs.meilisearch.com/errors#${code}`;

/** The field an invalid_request is about: the first detail's path (a dotted string or an array); "path:x" for a path parameter. */
function fieldOf(err: AppError): string | undefined {
  const first = Array.isArray(err.details) ? (err.details[0] as { path?: unknown } | undefined) : undefined;
  const path = first?.path;
  const head = Array.isArray(path) ? path[0] : typeof path === "string" ? path.split(".")[0] : undefined;
  if (typeof head !== "string" && typeof head !== "number") return undefined;
  // parseWith's message says which part of the request failed (lib/http/body.ts).
  return err.message.startsWith("Invalid path parameters") ? `path:${head}` : String(head);
}

export function meilisearchCode(err: AppError, c: RouteContract, req: Request): string {
  // Meilisearch tells a missing Authorization header from a key it does not know.
  if (err.code === "unauthorized") return bearerToken(req) ? "invalid_api_key" : "missing_authorization_header";
  if (err.code === "invalid_request") {
    const field = fieldOf(err);
    if (field && c.meilisearchFieldCodes?.[field]) return c.meilisearchFieldCodes[field];
  }
  return c.meilisearchCodes?.[err.code] ?? DEFAULT_CODES[err.code] ?? err.code;
}

export function meilisearchError(err: AppError, c: RouteContract, req: Request): MeilisearchError {
  const code = meilisearchCode(err, c, req);
  const type = err.status === 401 || err.status === 403 ? "auth" : err.status >= 500 ? "internal" : "invalid_request";
  return { message: err.message, code, type, link: link(code) };
}
