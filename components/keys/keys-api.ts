// Browser-side calls to the keys API; errors keep the envelope's message and field paths for forms.
import type { ApiKeyDto, CreateKeyInput } from "@/lib/contracts/keys";
import { api, ApiRequestError, fieldErrors } from "@/components/api/client";

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
  try {
    return await api<T>(path, { method, body });
  } catch (err) {
    if (err instanceof ApiRequestError) throw new ApiFailure(err.status, err.message, fieldErrors(err.details));
    throw err;
  }
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

export { formatTime } from "@/components/api/client";
