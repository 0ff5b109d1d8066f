// One error envelope everywhere: { error: { code, message, details? } }, with the status it maps to.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown, code = "invalid_request") =>
  new ApiError(400, code, message, details);
export const unauthorized = (message = "Authentication required: send a valid API key or sign in.") =>
  new ApiError(401, "unauthorized", message);
export const forbidden = (message = "You are not allowed to do this.") => new ApiError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new ApiError(404, "not_found", message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, "conflict", message, details);

export function errorBody(err: ApiError) {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return Response.json(errorBody(err), { status: err.status });
  // Unknown errors are logged with their internals and answered without them.
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[indexhook] internal error ref=${ref}`, err);
  return Response.json(
    { error: { code: "internal_error", message: `Internal server error (ref ${ref}).` } },
    { status: 500 },
  );
}
