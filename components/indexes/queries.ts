"use client";
// TanStack Query hooks for indexes; every key starts with "indexes" so one invalidation refreshes them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IndexDto } from "@/lib/contracts/indexes";
import type { OramaSchema } from "@/lib/contracts/orama-schema";
import { api, withQuery } from "@/components/api/client";
import type { Accepted } from "@/components/deployments/queries";
import { notifyBody, uploadFile } from "./upload-xhr";

export const indexKeys = {
  all: ["indexes"] as const,
  one: (id: string) => ["indexes", id] as const,
  documents: (id: string, offset: number, limit: number) => ["indexes", id, "documents", offset, limit] as const,
};

const indexPath = (id: string) => `/api/v1/indexes/${encodeURIComponent(id)}`;

export function useIndexes() {
  return useQuery({ queryKey: indexKeys.all, queryFn: () => api<{ results: IndexDto[] }>("/api/v1/indexes") });
}

export function useIndex(id: string) {
  return useQuery({ queryKey: indexKeys.one(id), queryFn: () => api<IndexDto>(indexPath(id)) });
}

export interface DocumentsPage {
  results: Record<string, unknown>[];
  total: number;
  limit: number;
  offset: number;
}

export function useDocuments(id: string, offset: number, limit: number) {
  return useQuery({
    queryKey: indexKeys.documents(id, offset, limit),
    queryFn: () => api<DocumentsPage>(withQuery(`${indexPath(id)}/documents`, { offset, limit })),
    placeholderData: (prev) => prev,
  });
}

export function useCreateIndexMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; id?: string; schema: OramaSchema }) => api<IndexDto>("/api/v1/indexes", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: indexKeys.all }),
  });
}

/** Rename or new schema: the answer is the index, cached at once; the list refetches. */
export function useUpdateIndexMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; schema?: OramaSchema }) => api<IndexDto>(indexPath(id), { method: "PATCH", body }),
    onSuccess: (updated) => {
      qc.setQueryData(indexKeys.one(id), updated);
      qc.invalidateQueries({ queryKey: indexKeys.all });
    },
  });
}

/** A dry run of a rename or schema change (`?dryRun=true`): refused as the change would be, saves nothing. */
export function useCheckIndexUpdateMutation(id: string) {
  return useMutation({
    mutationFn: (body: { name?: string; schema?: OramaSchema }) => api<IndexDto>(withQuery(indexPath(id), { dryRun: "true" }), { method: "PATCH", body }),
  });
}

export function useDeleteIndexMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(indexPath(id), { method: "DELETE" }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: indexKeys.one(id) });
      qc.invalidateQueries({ queryKey: indexKeys.all });
    },
  });
}

export function useDeployMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Accepted>(`/api/v1/webhooks/${encodeURIComponent(id)}/deploy`, { method: "POST" }),
    onSuccess: () => {
      // The index (pending counts) and its deployments, diff and documents all live under this key.
      qc.invalidateQueries({ queryKey: indexKeys.one(id) });
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export type UploadMode = "notify" | "snapshot";

/**
 * An upload with byte progress (XMLHttpRequest, see upload-xhr.ts); refused uploads resolve too.
 * `snapshot` replaces every document at the next deploy; `notify` adds or updates the file's documents.
 */
export function useUploadMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, mode, onProgress, onSent }: { file: File; mode: UploadMode; onProgress: (pct: number) => void; onSent: () => void }) =>
      mode === "snapshot"
        ? uploadFile(`/api/v1/webhooks/${encodeURIComponent(id)}/snapshot`, file, { onProgress, onSent }).promise
        : uploadFile(`/api/v1/webhooks/${encodeURIComponent(id)}/notify`, await notifyBody(file), { onProgress, onSent }, "application/json").promise,
    onSuccess: (outcome) => {
      if (!outcome.ok) return;
      qc.invalidateQueries({ queryKey: indexKeys.all });
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}
