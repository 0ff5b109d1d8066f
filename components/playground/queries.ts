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

export type MultiSearchResult = { results: (SearchResult & { indexId: string })[] };

/** One term over several live indexes in one request (POST /api/v1/multi-search): the indexes page's search box. */
export function useMultiSearch(indexIds: string[], term: string) {
  const body = { queries: indexIds.map((indexId) => ({ indexId, term, limit: 3 })) };
  return useQuery({
    queryKey: ["indexes", "multi-search", body],
    queryFn: () => api<MultiSearchResult>("/api/v1/multi-search", { method: "POST", body }),
    enabled: term.trim().length > 0 && indexIds.length > 0,
    placeholderData: (prev) => prev,
    retry: false,
  });
}
