"use client";
// TanStack Query hooks for deploy history, one deployment's progress, the diff preview and rollback.
// Keys start with "indexes" so the index page's one invalidation refreshes them too.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeploymentDto } from "@/lib/contracts/deployments";
import type { TaskDto } from "@/lib/contracts/tasks";
import { api, withQuery } from "@/components/api/client";

export type Accepted = { success: true; taskUid: number; task: TaskDto };

export type DiffChange =
  | { type: "upsert"; key: string; value: Record<string, unknown> }
  | { type: "update"; key: string; updates: Record<string, unknown> }
  | { type: "delete"; key: string };

/** Against the live version: added, changed (by upsert or update), removed; `unchanged`: named but identical. */
export interface DiffPreview {
  upserted: number;
  updated: number;
  removed: number;
  unchanged: number;
  total: number;
  changes: DiffChange[];
}

const base = (id: string) => `/api/v1/indexes/${encodeURIComponent(id)}`;

export const deploymentKeys = {
  list: (id: string, limit: number) => ["indexes", id, "deployments", limit] as const,
  one: (id: string, depId: string) => ["indexes", id, "deployments", "one", depId] as const,
  diff: (id: string) => ["indexes", id, "diff"] as const,
};

/** `poll`: refetch every second while the caller still waits for something to appear or finish. */
export function useDeployments(indexId: string, limit = 20, opts: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: deploymentKeys.list(indexId, limit),
    queryFn: () => api<{ results: DeploymentDto[] }>(withQuery(`${base(indexId)}/deployments`, { limit })),
    refetchInterval: (q) => (opts.poll || q.state.data?.results.some((d) => d.status === "building") ? 1000 : false),
  });
}

/** One deployment, polled while it builds. */
export function useDeployment(indexId: string, depId: string | null) {
  return useQuery({
    queryKey: deploymentKeys.one(indexId, depId ?? ""),
    queryFn: () => api<DeploymentDto>(`${base(indexId)}/deployments/${encodeURIComponent(depId ?? "")}`),
    enabled: !!depId,
    refetchInterval: (q) => (!q.state.data || q.state.data.status === "building" ? 1000 : false),
  });
}

export function useDiff(indexId: string, enabled: boolean) {
  return useQuery({
    queryKey: deploymentKeys.diff(indexId),
    queryFn: () => api<DiffPreview>(withQuery(`${base(indexId)}/diff`, { limit: 50 })),
    enabled,
  });
}

export function useRollback(indexId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (depId: string) => api<Accepted>(`${base(indexId)}/deployments/${encodeURIComponent(depId)}/rollback`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
