"use client";
// TanStack Query hooks for the audit log: its pages (newest first, following the API's cursor) and the
// ids that still exist, so a row's target can link to it.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { AuditEntryDto } from "@/lib/contracts/audit";
import { api, withQuery } from "@/components/api/client";
import type { AuditFilterValues } from "./audit-filters";

const PAGE = 50;
type Page = { results: AuditEntryDto[]; next: string | null };

export function useAuditLog(filters: AuditFilterValues) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam }) => api<Page>(withQuery("/api/v1/audit", { ...filters, limit: PAGE, before: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Ids of indexes and hooks that still exist, so their targets can link to them. */
export function useExistingTargets() {
  const indexes = useQuery({ queryKey: ["audit-targets", "indexes"], queryFn: () => api<{ results: { id: string }[] }>("/api/v1/indexes") });
  const hooks = useQuery({ queryKey: ["audit-targets", "hooks"], queryFn: () => api<{ results: { uuid: string }[] }>("/api/v1/hooks") });
  return {
    index: new Set(indexes.data?.results.map((i) => i.id) ?? []),
    hook: new Set(hooks.data?.results.map((h) => h.uuid) ?? []),
  };
}
