// One error envelope everywhere: { error: { code, message, details? } }, answered with the status its
// code maps to in lib/errors.ts (the only place a status is chosen for an error).
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
  if (err instanceof AppError) return Response.json({ ...topLevel?.(err), ...errorBody(err) }, { status: err.status });
  // Unknown errors are logged with their internals and answered without them.
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[indexhook] internal error ref=${ref}`, err);
  const internal = new AppError("internal_error", `Internal server error (ref ${ref}).`);
  return Response.json(
    { ...topLevel?.(internal), error: { code: "internal_error", message: internal.message } },
    { status: 500 },
  );
}
