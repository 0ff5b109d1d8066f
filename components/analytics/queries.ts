"use client";
// TanStack Query hooks for an index's search analytics (GET …/analytics) and its storeTerms switch
// (PATCH the index, whose cached copy is replaced with the answer).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnalyticsWindow, SearchAnalytics } from "@/lib/contracts/analytics";
import type { IndexDto } from "@/lib/contracts/indexes";
import { api, withQuery } from "@/components/api/client";
import { indexKeys } from "@/components/indexes/queries";

export const analyticsKeys = {
  one: (indexId: string, window: AnalyticsWindow) => ["indexes", indexId, "analytics", window] as const,
};

const indexPath = (id: string) => `/api/v1/indexes/${encodeURIComponent(id)}`;

/** Refreshed every 30 s while the tab is open: searches arrive all the time. */
export function useSearchAnalytics(indexId: string, window: AnalyticsWindow) {
  return useQuery({
    queryKey: analyticsKeys.one(indexId, window),
    queryFn: () => api<SearchAnalytics>(withQuery(`${indexPath(indexId)}/analytics`, { window })),
    placeholderData: (prev) => prev,
    refetchInterval: 30_000,
  });
}

export function useStoreTermsMutation(indexId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (storeTerms: boolean) => api<IndexDto>(indexPath(indexId), { method: "PATCH", body: { analytics: { storeTerms } } }),
    onSuccess: (updated) => {
      qc.setQueryData(indexKeys.one(indexId), updated);
      qc.invalidateQueries({ queryKey: ["indexes", indexId, "analytics"] });
    },
  });
}
