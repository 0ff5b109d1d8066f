"use client";
// TanStack Query hooks for indexes; every key starts with "indexes" so one invalidation refreshes them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IndexDto } from "@/lib/contracts/indexes";
import type { OramaSchema } from "@/lib/contracts/orama-schema";
import { api, withQuery } from "@/components/api/client";
import type { Accepted } from "@/components/deployments/queries";
import { uploadFile } from "./upload-xhr";

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

/** A snapshot upload with byte progress (XMLHttpRequest, see upload-xhr.ts); refused uploads resolve too. */
export function useUploadSnapshotMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress, onSent }: { file: File; onProgress: (pct: number) => void; onSent: () => void }) =>
      uploadFile(`/api/v1/webhooks/${encodeURIComponent(id)}/snapshot`, file, { onProgress, onSent }).promise,
    onSuccess: (outcome) => {
      if (!outcome.ok) return;
      qc.invalidateQueries({ queryKey: indexKeys.all });
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}
