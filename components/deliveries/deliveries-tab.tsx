"use client";
// Deliveries tab: one row per POST batch (status, event, HTTP code, attempts, latency, next retry);
// a row opens the delivery sheet (selection in the URL, so it is deep-linkable).
import type { HookTabProps } from "@/components/hooks/hook-detail-tabs";
import { Alert } from "@/components/ui/alert";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { useUrlParam } from "@/components/ui/tabs";
import { DeliverySheet } from "./delivery-sheet";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { useDeliveries } from "./queries";
import { When } from "@/components/ui/when";

const FILTERS = ["", "pending", "failed", "succeeded", "dead", "cancelled"] as const;

export function DeliveriesTab({ hook, role }: HookTabProps) {
  const uuid = hook.uuid;
  const [status, setStatus] = useUrlParam("status", "");
  const [selected, setSelected] = useUrlParam("delivery", "");
  const q = useDeliveries(uuid, status || undefined);
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm">
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value || null)} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {f || "all"}
            </option>
          ))}
        </select>
      </label>
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {q.data && !q.data.results.length ? (
        <EmptyState title="No deliveries yet">Changes are sent as soon as a deploy goes live. Use the Testing tab to send a sample event.</EmptyState>
      ) : null}
      {q.data?.results.length ? (
        <Table label="Deliveries">
          <thead>
            <tr>
              {["Status", "Event", "HTTP", "Attempts", "Latency", "Next retry", "Created"].map((h) => (
                <Th key={h}>{h}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.data.results.map((d) => (
              <Tr key={d.id} className="cursor-pointer" onClick={() => setSelected(d.id)} data-testid="delivery-row">
                <Td>
                  <DeliveryStatusBadge status={d.status} />
                </Td>
                <Td>
                  {d.event} <span className="text-zinc-500">× {d.eventCount}</span>
                </Td>
                <Td className="font-mono">{d.lastStatusCode ?? "—"}</Td>
                <Td>{d.attempts}</Td>
                <Td>{d.latencyMs === null ? "—" : `${d.latencyMs} ms`}</Td>
                <Td>{d.status === "failed" ? <When at={d.nextAttemptAt} none="—" /> : "—"}</Td>
                <Td className="whitespace-nowrap"><When at={d.createdAt} none="—" /></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <DeliverySheet uuid={uuid} id={selected || null} onClose={() => setSelected(null)} canReplay={role !== "viewer"} />
    </div>
  );
}
