// What a failed API call looks like in the browser; safe to import from any component (no fetch here).
import { ApiError } from "@/lib/http/errors";

/** The server's error class, reused: one shape for an API error on both sides. */
export { ApiError as ApiRequestError };

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
