"use client";
// TanStack Query hooks for Settings → Backups (dumps); every key starts with "dumps".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DumpDto } from "@/lib/contracts/dumps";
import type { TaskDto } from "@/lib/contracts/tasks";
import { api } from "@/components/api/client";

export type { DumpDto };

export const dumpKeys = {
  list: ["dumps", "list"] as const,
};

const running = (d: DumpDto) => d.status === "enqueued" || d.status === "processing";

/** The dumps, newest first; polled every second while one is being written (its progress bar moves). */
export function useDumps() {
  return useQuery({
    queryKey: dumpKeys.list,
    queryFn: () => api<{ results: DumpDto[] }>("/api/v1/dumps"),
    refetchInterval: (q) => (q.state.data?.results.some(running) ? 1000 : false),
  });
}

export function useCreateDumpMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { secrets: "exclude" | "encrypt"; passphrase?: string }) =>
      api<{ taskUid: number; task: TaskDto }>("/api/v1/dumps", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dumpKeys.list }),
  });
}

/** Where the browser downloads a dump (the session cookie authenticates the GET). */
export const dumpDownloadUrl = (uid: string) => `/api/v1/dumps/${encodeURIComponent(uid)}`;
