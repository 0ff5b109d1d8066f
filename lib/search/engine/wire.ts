// What crosses the thread boundary when a thread fails (kept apart from spawn.ts, which threads must not load).
/** Errors cross the thread boundary as plain data; keep name, message and Orama's `code`. */
export type WireError = { name: string; message: string; code?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message, code: (err as { code?: string }).code };
  return { name: "Error", message: String(err) };
}
