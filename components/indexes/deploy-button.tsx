"use client";
// "Deploy N changes": enqueues a deploy task and reports its real status with a link, never "live" early.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import type { TaskDto } from "@/lib/contracts/tasks";
import { api } from "@/components/api/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isFinished, useTask } from "@/components/tasks/queries";
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

/** The deploy task as it moves (polled until it finishes); the index is refetched once it has. */
export function DeployResult({ index, deploy }: { index: IndexDto; deploy: ReturnType<typeof useDeploy> }) {
  const qc = useQueryClient();
  const polled = useTask(deploy.data ? String(deploy.data.taskUid) : null, { poll: true });
  const t = polled.data ?? deploy.data?.task;
  const finished = !!t && isFinished(t);
  useEffect(() => {
    if (finished) qc.invalidateQueries({ queryKey: indexKeys.one(index.id) });
  }, [finished, qc, index.id]);
  if (deploy.error) return <Alert>Deploy refused: {deploy.error.message}</Alert>;
  if (!t) return null;
  const note: Partial<Record<TaskDto["status"], string>> = {
    enqueued: " — waiting for the deploy worker; the pending changes stay queued and the live version is unchanged until it runs.",
    processing: " — building the new version; search keeps the old one until it is done.",
    succeeded: " — the new version is live.",
    failed: ` — nothing changed: ${t.error?.message ?? "see the task"}.`,
  };
  return (
    <Alert tone={t.status === "failed" ? "error" : "info"}>
      <Link href={`/tasks?task=${t.uid}`} className="font-medium underline">
        Deploy task #{t.uid} {t.status}
      </Link>
      {note[t.status] ?? null}
    </Alert>
  );
}
