"use client";
// Data for a hook's Deliveries, Metrics and Testing tabs (react-query over the deliveries API).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeliveryDetail, DeliverySummary, HookMetrics } from "@/lib/contracts/deliveries";
import { api, withQuery } from "@/components/api/client";

export type MetricsWindow = HookMetrics["window"];

export function useDeliveries(uuid: string, status?: string) {
  return useQuery({
    queryKey: ["deliveries", uuid, status ?? ""],
    queryFn: () => api<{ results: DeliverySummary[]; next: string | null }>(withQuery(`/api/v1/hooks/${uuid}/deliveries`, { status, limit: 50 })),
    placeholderData: (prev) => prev,
    // Deliveries move on their own (retries, new batches): a gentle poll keeps the table honest.
    refetchInterval: 3000,
  });
}

export function useDelivery(uuid: string, id: string | null) {
  return useQuery({
    queryKey: ["deliveries", uuid, "one", id],
    queryFn: () => api<DeliveryDetail>(`/api/v1/hooks/${uuid}/deliveries/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "pending" || q.state.data.status === "failed") ? 2000 : false),
  });
}

export function useMetrics(uuid: string | undefined, window: MetricsWindow) {
  return useQuery({
    queryKey: ["hook-metrics", uuid ?? "all", window],
    queryFn: () => api<HookMetrics>(withQuery(uuid ? `/api/v1/hooks/${uuid}/metrics` : "/api/v1/hooks/metrics", { window })),
    placeholderData: (prev) => prev,
    refetchInterval: 15_000,
  });
}

export function useReplay(uuid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<DeliveryDetail>(`/api/v1/hooks/${uuid}/deliveries/${id}/retry`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["deliveries", uuid] }),
  });
}

export function useSendTest(uuid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<DeliveryDetail>(`/api/v1/hooks/${uuid}/test`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["deliveries", uuid] }),
  });
}
