// Browser-side calls to the keys API; errors keep the envelope's message and field paths for forms.
import type { ApiKeyDto, CreateKeyInput } from "@/lib/contracts/keys";

export type CreatedKey = ApiKeyDto & { key: string };

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!res) throw new ApiFailure(0, "The server is unreachable.");
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const fields: Record<string, string> = {};
    for (const d of (json?.error?.details ?? []) as { path: string; message: string }[]) {
      fields[d.path.split(".")[0]] ??= d.message;
    }
    throw new ApiFailure(res.status, json?.error?.message ?? `Request failed (${res.status}).`, fields);
  }
  return json as T;
}

export const keysApi = {
  list: () => call<{ results: ApiKeyDto[] }>("GET", "/api/v1/keys").then((r) => r.results),
  create: (input: CreateKeyInput) => call<CreatedKey>("POST", "/api/v1/keys", input),
  revoke: (id: string) => call<ApiKeyDto>("DELETE", `/api/v1/keys/${encodeURIComponent(id)}`),
  /** Index ids to offer in the create form, or null when the indexes API is not there (free text then). */
  indexIds: async (): Promise<string[] | null> => {
    const res = await fetch("/api/v1/indexes").catch(() => null);
    if (!res?.ok) return null;
    const json = (await res.json().catch(() => null)) as { results?: { id: string }[] } | null;
    return Array.isArray(json?.results) ? json.results.map((i) => i.id) : null;
  },
};

/** Deterministic (server and browser agree, so hydration does too): "2026-11-23 18:57 UTC". */
export function formatTime(iso: string | null, none = "Never"): string {
  if (!iso) return none;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
