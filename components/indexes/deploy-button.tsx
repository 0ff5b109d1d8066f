"use client";
// "Deploy N changes": enqueues a deploy task and reports it honestly (enqueued, with a link), never as live.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { IndexDto } from "@/lib/contracts/indexes";
import type { TaskDto } from "@/lib/contracts/tasks";
import { api } from "@/components/api/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { indexKeys } from "./queries";

type Accepted = { success: true; taskUid: number; task: TaskDto };

export function useDeploy(index: IndexDto) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Accepted>(`/api/v1/webhooks/${encodeURIComponent(index.id)}/deploy`, { method: "POST" }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: indexKeys.one(index.id) });
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export function DeployButton({ index, deploy }: { index: IndexDto; deploy: ReturnType<typeof useDeploy> }) {
  // `pending.total` counts a pending snapshot as one more change; the label counts documents only.
  const { upserts, updates, removes, snapshot } = index.pending;
  const n = upserts + updates + removes;
  const nothing = n === 0 && !snapshot;
  const label = `Deploy ${n} change${n === 1 ? "" : "s"}${snapshot ? " (replaces all)" : ""}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        onClick={() => deploy.mutate()}
        disabled={nothing || deploy.isPending}
        aria-describedby={nothing ? "deploy-reason" : undefined}
        title={nothing ? "Nothing is pending: upload documents first" : undefined}
      >
        {deploy.isPending ? "Enqueuing…" : label}
      </Button>
      {nothing ? (
        <span id="deploy-reason" className="text-xs text-zinc-500">
          Nothing to deploy: no pending changes.
        </span>
      ) : null}
    </div>
  );
}

export function DeployResult({ deploy }: { deploy: ReturnType<typeof useDeploy> }) {
  if (deploy.error) return <Alert>Deploy refused: {deploy.error.message}</Alert>;
  if (!deploy.data) return null;
  const t = deploy.data.task;
  return (
    <Alert tone="info">
      <Link href={`/tasks?task=${t.uid}`} className="font-medium underline">
        Deploy task #{t.uid} {t.status}
      </Link>
      {t.status === "enqueued" ? " — it goes live when the deploy worker runs it; the pending changes stay queued until then." : null}
    </Alert>
  );
}
