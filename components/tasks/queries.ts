"use client";
import { useQuery } from "@tanstack/react-query";
import type { TaskDto } from "@/lib/contracts/tasks";
import { api, withQuery } from "@/components/api/client";

export const isFinished = (t: TaskDto) => t.status !== "enqueued" && t.status !== "processing";

export interface TaskFilters {
  statuses?: string;
  types?: string;
  indexUids?: string;
  from?: string;
  limit?: number;
}

export interface TasksPage {
  results: TaskDto[];
  total: number;
  limit: number;
  from: number | null;
  next: number | null;
}

/** `poll`: refetch every 3 s while a task is unfinished; `interval`: refetch on that period regardless. */
export function useTasks(filters: TaskFilters, opts: { poll?: boolean; interval?: number } = {}) {
  return useQuery({
    queryKey: ["tasks", filters],
    queryFn: () => api<TasksPage>(withQuery("/api/v1/tasks", { ...filters })),
    placeholderData: (prev) => prev,
    // Enqueued tasks move on their own; poll gently while any is unfinished.
    refetchInterval: (q) => opts.interval ?? (opts.poll && q.state.data?.results.some((t) => !isFinished(t)) ? 3000 : false),
  });
}

export function useTask(uid: string | null, opts: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: ["tasks", "one", uid],
    queryFn: () => api<TaskDto>(`/api/v1/tasks/${uid}`),
    enabled: !!uid,
    refetchInterval: (q) => (opts.poll && q.state.data && !isFinished(q.state.data) ? 1500 : false),
  });
}
