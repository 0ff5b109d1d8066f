"use client";
// TanStack Query hooks for the keys API; errors keep the envelope's message and field paths for forms.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyDto, CreateKeyInput } from "@/lib/contracts/keys";
import { api } from "@/components/api/client";
import { ApiRequestError, fieldErrors } from "@/components/api/errors";

export type CreatedKey = ApiKeyDto & { key: string };

export const keysKeys = {
  all: ["keys"] as const,
  indexIds: ["index-ids", "keys"] as const,
};

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

export function useKeys(initial: ApiKeyDto[]) {
  return useQuery({ queryKey: keysKeys.all, queryFn: () => call<{ results: ApiKeyDto[] }>("GET", "/api/v1/keys").then((r) => r.results), initialData: initial });
}

/** Index ids to offer in the create form, or null when the indexes API is not there (free text then). */
export function useKeyIndexIds() {
  return useQuery({
    queryKey: keysKeys.indexIds,
    queryFn: () =>
      api<{ results?: { id: string }[] }>("/api/v1/indexes")
        .then((json) => (Array.isArray(json?.results) ? json.results.map((i) => i.id) : null))
        .catch(() => null),
    retry: false,
  });
}

/** `onCreated` runs once the list is refreshed, with the shown-once key. */
export function useCreateKeyMutation(onCreated: (k: CreatedKey) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateKeyInput) => call<CreatedKey>("POST", "/api/v1/keys", input),
    onSuccess: async (k) => {
      await qc.invalidateQueries({ queryKey: keysKeys.all });
      onCreated(k);
    },
  });
}

export function useRevokeKeyMutation(id: string, onRevoked: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call<ApiKeyDto>("DELETE", `/api/v1/keys/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keysKeys.all });
      onRevoked();
    },
  });
}
