"use client";
// "Preview changes" and "Deploy N changes": the diff dialog, then a deploy task (its progress is DeployProgress).
import { useState } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { Button } from "@/components/ui/button";
import { DiffPreviewDialog } from "@/components/deployments/diff-preview-dialog";
import { useTasks } from "@/components/tasks/queries";
import { useDeployMutation } from "./queries";

export function DeployButton({ index, deploy }: { index: IndexDto; deploy: ReturnType<typeof useDeployMutation> }) {
  // `pending.total` counts a pending snapshot as one more change; the label counts documents only.
  const { upserts, updates, removes, snapshot } = index.pending;
  const n = upserts + updates + removes;
  const nothing = n === 0 && !snapshot;
  // A deploy or rollback already queued or running (from this page, another tab or the API) takes the
  // pending changes with it: a second click would only queue an empty deploy.
  const inFlight = useTasks({ indexUids: index.id, types: "deploy,rollback", statuses: "enqueued,processing", limit: 1 }, { poll: true });
  const busy = (inFlight.data?.results.length ?? 0) > 0;
  const label = `Deploy ${n} change${n === 1 ? "" : "s"}${snapshot ? " (replaces all)" : ""}`;
  const [preview, setPreview] = useState(false);
  const why = busy ? "A deploy is already queued or running: wait for it to finish" : nothing ? "Nothing is pending: upload documents first" : null;
  const reason = why ? { "aria-describedby": "deploy-reason", title: why } : {};
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setPreview(true)} disabled={nothing} {...reason}>
          Preview changes
        </Button>
        <Button onClick={() => deploy.mutate()} disabled={nothing || busy || deploy.isPending} {...reason}>
          {deploy.isPending ? "Enqueuing…" : label}
        </Button>
      </div>
      {why ? (
        <span id="deploy-reason" className="text-xs text-zinc-500">
          {busy ? "A deploy is in progress." : "Nothing to deploy: no pending changes."}
        </span>
      ) : null}
      {preview ? (
        <DiffPreviewDialog
          indexId={index.id}
          deployLabel={label}
          onClose={() => setPreview(false)}
          onDeploy={() => {
            setPreview(false);
            deploy.mutate();
          }}
        />
      ) : null}
    </div>
  );
}
