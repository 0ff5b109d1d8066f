// One error envelope everywhere: { error: { code, message, details? } }, answered with the status its
// code maps to in lib/errors.ts (the only place a status is chosen for an error).
import "server-only";
import { AppError } from "../errors";

export function errorBody(err: AppError) {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

/**
 * `topLevel` adds fields beside the envelope (Meilisearch's error object on its routes); the envelope
 * itself is the same everywhere.
 */
export function errorResponse(err: unknown, topLevel?: (err: AppError) => object): Response {
  const { status, body } = errorPayload(err, topLevel);
  return Response.json(body, { status });
}

/** The status and envelope of an error, for route() and for the fast lane that writes to the socket itself. */
export function errorPayload(err: unknown, topLevel?: (err: AppError) => object): { status: number; body: object } {
  if (err instanceof AppError) return { status: err.status, body: { ...topLevel?.(err), ...errorBody(err) } };
  // Unknown errors are logged with their internals and answered without them.
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[indexhook] internal error ref=${ref}`, err);
  const internal = new AppError("internal_error", `Internal server error (ref ${ref}).`);
  return { status: 500, body: { ...topLevel?.(internal), error: { code: "internal_error", message: internal.message } } };
}
