"use client";
// The playground's search, through TanStack Query, timing the round trip; keyed under the index so
// the index page's invalidation refreshes it too.
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";

export interface SearchResult {
  count: number;
  hits: { id: string; score: number; document: Record<string, unknown> }[];
  facets?: Record<string, { count: number; values: Record<string, number> }>;
  elapsed: { raw: number; formatted: string };
}

export function useSearch(indexId: string, body: Record<string, unknown>, enabled: boolean) {
  return useQuery({
    queryKey: ["indexes", indexId, "search", body],
    queryFn: async () => {
      const t0 = performance.now();
      const result = await api<SearchResult>(`/api/v1/indexes/${encodeURIComponent(indexId)}/search`, { method: "POST", body });
      return { result, roundTripMs: performance.now() - t0 };
    },
    enabled,
    placeholderData: (prev) => prev,
    retry: false,
  });
}
