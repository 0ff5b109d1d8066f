"use client";
// TanStack Query hooks for indexes; every key starts with "indexes" so one invalidation refreshes them all.
import { useQuery } from "@tanstack/react-query";
import type { IndexDto } from "@/lib/contracts/indexes";
import { api, withQuery } from "@/components/api/client";

export const indexKeys = {
  all: ["indexes"] as const,
  one: (id: string) => ["indexes", id] as const,
  documents: (id: string, offset: number, limit: number) => ["indexes", id, "documents", offset, limit] as const,
};

export function useIndexes() {
  return useQuery({ queryKey: indexKeys.all, queryFn: () => api<{ results: IndexDto[] }>("/api/v1/indexes") });
}

export function useIndex(id: string) {
  return useQuery({ queryKey: indexKeys.one(id), queryFn: () => api<IndexDto>(`/api/v1/indexes/${encodeURIComponent(id)}`) });
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
    queryFn: () => api<DocumentsPage>(withQuery(`/api/v1/indexes/${encodeURIComponent(id)}/documents`, { offset, limit })),
    placeholderData: (prev) => prev,
  });
}
