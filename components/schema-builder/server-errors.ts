// Maps the API's zod details ({ path: "schema.meta.rating", message }) onto the form's fields and rows.
import { ApiRequestError } from "@/components/api/errors";

export interface SplitErrors {
  fields: Record<string, string>;
  schema: Record<string, string>;
  message: string | null;
}

export function splitServerErrors(err: unknown): SplitErrors {
  const out: SplitErrors = { fields: {}, schema: {}, message: err instanceof Error ? err.message : String(err) };
  if (!(err instanceof ApiRequestError) || !Array.isArray(err.details)) return out;
  for (const d of err.details as { path?: string; message?: string }[]) {
    if (!d?.path || !d.message) continue;
    if (d.path.startsWith("schema.")) out.schema[d.path.slice("schema.".length)] = d.message;
    else out.fields[d.path] = d.message;
  }
  return out;
}
