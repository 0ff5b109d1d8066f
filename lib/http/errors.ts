// One error envelope everywhere: { error: { code, message, details? } }, answered with the status its
// code maps to in lib/errors.ts (the only place a status is chosen for an error).
import { AppError } from "../errors";

export function errorBody(err: AppError) {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) return Response.json(errorBody(err), { status: err.status });
  // Unknown errors are logged with their internals and answered without them.
  const ref = Math.random().toString(36).slice(2, 10);
  console.error(`[indexhook] internal error ref=${ref}`, err);
  return Response.json(
    { error: { code: "internal_error", message: `Internal server error (ref ${ref}).` } },
    { status: 500 },
  );
}
