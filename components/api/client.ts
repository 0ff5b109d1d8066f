// Same-origin fetch of the REST API (the session cookie authorises it), throwing the error envelope.
import { ApiError } from "@/lib/http/errors";

/** The server's error class, reused: one shape for an API error on both sides. */
export { ApiError as ApiRequestError };
export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  }).catch(() => null);
  if (!res) throw new ApiError(0, "unreachable", "The server is unreachable.");
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `Request failed (${res.status}).`, err?.details);
  }
  return data as T;
}

/** Builds `path?k=v` from the defined, non-empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
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

/** "2026-11-23 18:57 UTC" (deterministic, so server and browser render the same). */
export function formatTime(iso: string | null, none = "Never"): string {
  if (!iso) return none;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
