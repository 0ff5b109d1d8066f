"use client";
// One delivery: the request (headers sent, body), every attempt with its response, and Replay, which
// sends it again now under the same webhook-id (receivers deduplicate by it).
import { Alert } from "@/components/ui/alert";
import { When } from "@/components/ui/when";
import { Button } from "@/components/ui/button";
import { Sheet } from "@/components/ui/sheet";
import type { DeliveryDetail } from "@/lib/contracts/deliveries";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { useDelivery, useReplay } from "./queries";

const pre = "max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950";

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body; // NDJSON (tasks) or a receiver's HTML page: shown as it is
  }
}

export function AttemptTimeline({ attempts }: { attempts: DeliveryDetail["attemptLog"] }) {
  if (!attempts.length) return <p className="text-sm text-zinc-500">Not attempted yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Attempts">
      {attempts.map((a, i) => {
        const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
        // The hook's transformation cancelled it: nothing was sent, which is neither a success nor a failure.
        const cancelled = a.statusCode === null && a.error === null;
        return (
          <li key={i} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <p className="flex flex-wrap gap-x-3">
              <span className={ok ? "text-emerald-600" : cancelled ? "text-zinc-500" : "text-red-600"}>{ok ? "✓" : cancelled ? "–" : "✗"} #{i + 1}</span>
              <span className="font-mono">{a.statusCode ?? (cancelled ? "cancelled" : "no response")}</span>
              <span>{a.latencyMs} ms</span>
              <span className="text-zinc-500"><When at={a.at} /></span>
            </p>
            {a.error && !ok ? <p className="mt-1 text-red-700 dark:text-red-300">{a.error}</p> : null}
            {a.response ? <pre className={`${pre} mt-1`}>{a.response}</pre> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function DeliverySheet({ uuid, id, onClose, canReplay }: { uuid: string; id: string | null; onClose: () => void; canReplay: boolean }) {
  const q = useDelivery(uuid, id);
  const replay = useReplay(uuid);
  const d = q.data;
  return (
    <Sheet open={!!id} onClose={onClose} title={`Delivery ${id ?? ""}`}>
      {q.isPending ? <p className="text-sm text-zinc-500">Loading…</p> : null}
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {d ? (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <DeliveryStatusBadge status={d.status} />
            <span>
              {d.event} × {d.eventCount}
            </span>
            <span className="font-mono text-xs text-zinc-500">{d.webhookId}</span>
            {canReplay ? (
              <Button variant="secondary" className="ml-auto" disabled={replay.isPending} onClick={() => replay.mutate(d.id)}>
                {replay.isPending ? "Replaying…" : "Replay"}
              </Button>
            ) : null}
          </div>
          {replay.error ? <Alert>{replay.error.message}</Alert> : null}
          <section>
            <h3 className="mb-1 text-sm font-semibold">Attempts</h3>
            <AttemptTimeline attempts={d.attemptLog} />
          </section>
          <section>
            <h3 className="mb-1 text-sm font-semibold">Request headers</h3>
            <pre className={pre}>{Object.entries(d.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}</pre>
          </section>
          <section>
            <h3 className="mb-1 text-sm font-semibold">Request body ({d.contentType})</h3>
            <pre className={pre}>{pretty(d.body)}</pre>
          </section>
        </div>
      ) : null}
    </Sheet>
  );
}
