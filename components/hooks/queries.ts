"use client";
// TanStack Query hooks for the hooks and inspector APIs; every hook key starts with "hooks", so one
// invalidation refreshes the list and the detail. Secrets only arrive from the reveal/rotate actions
// and live in component state while shown: they never enter the query cache.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateHookInput, HookDto, HookEventsPage, UpdateHookInput } from "@/lib/contracts/hooks";
import type { InspectedRequestDto } from "@/lib/contracts/inspector";
import type { TestTransformationResult } from "@/lib/contracts/transformations";
import { api } from "@/components/api/client";

/** `secret` is absent for ed25519 hooks (their private key is never read back; `publicKey` is on the hook). */
export type CreatedHook = HookDto & { secret?: string; token: string };
export type SecretInfo = { secret?: string; previousSecret: string | null; previousSecretExpiresAt: string | null; publicKey?: string; previousPublicKey?: string | null };
/** The form's shape: zod defaults are filled in by the server, so every field may be sent as is (no url for a poll hook). */
export type HookFormInput = Partial<CreateHookInput>;

export const hooksKeys = {
  all: ["hooks"] as const,
  one: (uuid: string) => ["hooks", uuid] as const,
  indexIds: ["index-ids", "hooks"] as const,
  inspector: (binId: string) => ["inspector", binId] as const,
  events: (uuid: string, after: string | null) => ["hooks", uuid, "events", after] as const,
};

const hook = (uuid: string) => `/api/v1/hooks/${encodeURIComponent(uuid)}`;

export function useHooks(initial: HookDto[]) {
  return useQuery({ queryKey: hooksKeys.all, queryFn: () => api<{ results: HookDto[] }>("/api/v1/hooks").then((r) => r.results), initialData: initial, refetchInterval: 10_000 });
}

export function useHook(initial: HookDto) {
  return useQuery({ queryKey: hooksKeys.one(initial.uuid), queryFn: () => api<HookDto>(hook(initial.uuid)), initialData: initial, refetchInterval: 10_000 });
}

/** Index ids to offer in the filter picker; none when the list cannot be read (free text still works). */
export function useHookIndexIds() {
  return useQuery({
    queryKey: hooksKeys.indexIds,
    queryFn: () =>
      api<{ results: { id: string }[] }>("/api/v1/indexes")
        .catch(() => ({ results: [] }))
        .then((r) => r.results.map((i) => i.id)),
  });
}

export function useCapturedRequests(binId: string) {
  return useQuery({
    queryKey: hooksKeys.inspector(binId),
    queryFn: () => api<{ results: InspectedRequestDto[] }>(`/api/v1/inspect/${encodeURIComponent(binId)}/requests`).then((r) => r.results),
    refetchInterval: 2000,
  });
}

/** One page of a poll hook's events after a cursor (null = from the hook's start); reading moves nothing. */
export function useHookEvents(uuid: string, after: string | null) {
  const q = after ? `&after=${encodeURIComponent(after)}` : "";
  return useQuery({
    queryKey: hooksKeys.events(uuid, after),
    queryFn: () => api<HookEventsPage>(`${hook(uuid)}/events?limit=20${q}`),
    refetchInterval: 5000,
  });
}

/** Mutations below resolve after the hooks refetched, so a caller sees the new state when it continues. */
function useHooksMutation<V, R>(mutationFn: (vars: V) => Promise<R>, refresh: (vars: V) => boolean = () => true) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (_r, vars) => (refresh(vars) ? qc.invalidateQueries({ queryKey: hooksKeys.all }) : undefined) });
}

export function useCreateHookMutation() {
  return useHooksMutation((input: HookFormInput) => api<CreatedHook>("/api/v1/hooks", { method: "POST", body: input }));
}

export function useUpdateHookMutation() {
  return useHooksMutation(({ uuid, input }: { uuid: string; input: UpdateHookInput }) => api<HookDto>(hook(uuid), { method: "PATCH", body: input }));
}

export function useDeleteHookMutation() {
  return useHooksMutation((uuid: string) => api<HookDto>(hook(uuid), { method: "DELETE" }));
}

/** reveal reads; rotate and regenerate change the hook (its secret's age), so they refetch. */
export function useHookSecretMutation(uuid: string) {
  return useHooksMutation(
    (action: "reveal" | "rotate" | "regenerate") => api<SecretInfo>(`${hook(uuid)}/secret`, { method: "POST", body: { action } }),
    (action) => action !== "reveal",
  );
}

export function useHookTokenMutation(uuid: string) {
  return useHooksMutation(
    (input: { action: "reveal" | "regenerate" } | { token: string }) => api<{ token: string }>(`${hook(uuid)}/token`, { method: "POST", body: input }),
    (input) => !("action" in input && input.action === "reveal"),
  );
}

/** A fresh inspector bin (its capture URL can become a hook's endpoint). */
export function useCreateBinMutation() {
  return useMutation({ mutationFn: () => api<{ binId: string; url: string }>("/api/v1/inspect", { method: "POST" }) });
}

/** Runs a transformation on a sample payload in the server's sandbox; nothing is saved or sent. */
export function useTestTransformationMutation() {
  return useMutation({
    mutationFn: (input: { transformation: string; kind: "changes" | "tasks" | "operational"; url?: string; headers?: Record<string, string>; payload?: unknown }) =>
      api<TestTransformationResult>("/api/v1/hooks/transformation-test", { method: "POST", body: input }),
  });
}
