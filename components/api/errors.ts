// What a failed API call looks like in the browser; safe to import from any component (no fetch here).
import type { ErrorCode } from "@/lib/errors";

/** Codes only the browser makes: no answer at all, or an answer without the envelope. */
export type ClientErrorCode = "unreachable" | "http_error";

/** An error envelope as received: the status is the one on the wire (0 when the server is unreachable). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Field → first message from an error envelope's zod details (`{ path: "email", message }`). */
export function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(details)) {
    for (const d of details as { path?: string; message?: string }[]) {
      if (d?.path && d.message) out[d.path.split(".")[0]] ??= d.message;
    }
  }
  return out;
}
