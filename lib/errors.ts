// The closed set of error codes, each mapped to its HTTP status here and nowhere else (unkey's
// ErrorCode + codeToStatus). Neutral: no HTTP, no server modules, safe in the browser bundle.
// Verbs throw `new AppError(code, message, details?)`; lib/http turns it into the envelope and status.

export const ERROR_CODES = {
  // 400: the request is malformed or its content is refused.
  invalid_request: 400,
  bad_request: 400, // an unknown query parameter (Meilisearch's code)
  invalid_json: 400,
  json_too_deep: 400,
  invalid_documents: 400,
  invalid_search: 400,
  schema_mismatch: 400,
  ssrf_refused: 400,
  webhook_url_required: 400,
  hook_limit: 400,
  invalid_cursor: 400, // GET /hooks/{uuid}/events?after= that is not a cursor of this hook's log
  not_editable: 400,
  /** A hook transformation that does not compile, or defines no handler (details: kind, line, column). */
  invalid_transformation: 400,
  already_live: 400,
  not_restorable: 400,
  wrong_password: 400,
  // Meilisearch's task-filter codes (GET /api/v1/tasks), one per query parameter.
  invalid_task_uids: 400,
  invalid_batch_uids: 400,
  invalid_task_canceled_by: 400,
  invalid_task_statuses: 400,
  invalid_task_types: 400,
  invalid_index_uid: 400,
  invalid_task_limit: 400,
  invalid_task_from: 400,
  invalid_task_reverse: 400,
  invalid_task_before_enqueued_at: 400,
  invalid_task_after_enqueued_at: 400,
  invalid_task_before_started_at: 400,
  invalid_task_after_started_at: 400,
  invalid_task_before_finished_at: 400,
  invalid_task_after_finished_at: 400,
  // 401 / 403: who you are, and what you may do.
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  setup_code_required: 403,
  setup_code_invalid: 403,
  registration_closed: 403,
  access_refused: 403,
  // 404 / 409 / 410: the thing, its state, its lifetime.
  not_found: 404,
  not_deployed: 404,
  invite_not_found: 404,
  /** A method the route does not have: answered at the socket by scripts/server-preload.mjs (Next itself sends a bare 405). */
  method_not_allowed: 405,
  /** Request line + headers over Node's limit: answered at the socket by scripts/server-preload.mjs. */
  headers_too_large: 431,
  conflict: 409,
  invite_pending: 409,
  user_exists: 409,
  last_admin: 409,
  self: 409,
  invite_expired: 410,
  invite_revoked: 410,
  // Size, media type, replays, rates.
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  too_many_signups: 429,
  too_many_attempts: 429,
  // The server or what it depends on.
  internal_error: 500,
  embeddings_unavailable: 502,
  search_timeout: 503,
  policy_unavailable: 503,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The codes that map to status S (e.g. `CodeFor<400>`), so a helper cannot change its status. */
export type CodeFor<S extends number> = { [K in ErrorCode]: (typeof ERROR_CODES)[K] extends S ? K : never }[ErrorCode];

export const codeToStatus = (code: ErrorCode): number => ERROR_CODES[code];

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** A refusal the caller can act on: its code decides the status; message and details go on the wire. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return codeToStatus(this.code);
  }
}

export const badRequest = (message: string, details?: unknown, code: CodeFor<400> = "invalid_request") =>
  new AppError(code, message, details);
export const unauthorized = (message = "Authentication required: send a valid API key or sign in.") =>
  new AppError("unauthorized", message);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
export const notFound = (message = "Not found.") => new AppError("not_found", message);
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, details);
/** 413: a body (or a stream of one) past `limit` bytes. */
export const payloadTooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is larger than the limit of ${limit} bytes.`, { limit });
