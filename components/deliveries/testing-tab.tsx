"use client";
// Testing tab: sends a sample event of the hook's kind (its own delivery, event "test", never retried)
// and shows what the receiver answered.
import type { HookTabProps } from "@/components/hooks/hook-detail-tabs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AttemptTimeline } from "./delivery-sheet";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { useSendTest } from "./queries";

export function TestingTab({ hook, role }: HookTabProps) {
  const send = useSendTest(hook.uuid);
  const d = send.data;
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Sends a sample payload, signed like every delivery, with a fresh webhook-id. It does not move the hook&apos;s cursor and is not retried.
      </p>
      {/* Sending is a member action: a viewer gets no button (the API refuses them anyway). */}
      {role === "viewer" ? null : (
        <Button onClick={() => send.mutate()} disabled={send.isPending}>
          {send.isPending ? "Sending…" : "Send test event"}
        </Button>
      )}
      {send.error ? <Alert>{send.error.message}</Alert> : null}
      {d ? (
        <div className="space-y-3" data-testid="test-result">
          <p className="flex items-center gap-2 text-sm">
            <DeliveryStatusBadge status={d.status} />
            <span className="font-mono">{d.lastStatusCode ?? "no response"}</span>
            {d.latencyMs !== null ? <span>{d.latencyMs} ms</span> : null}
          </p>
          <AttemptTimeline attempts={d.attemptLog} />
          <details>
            <summary className="cursor-pointer text-sm">Payload sent</summary>
            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{d.body}</pre>
          </details>
        </div>
      ) : null}
    </div>
  );
}
