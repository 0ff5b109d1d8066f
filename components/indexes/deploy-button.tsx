"use client";
// "Preview changes" and "Deploy N changes": the diff dialog, then a deploy task (its progress is DeployProgress).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { api } from "@/components/api/client";
import { Button } from "@/components/ui/button";
import { DiffPreviewDialog } from "@/components/deployments/diff-preview-dialog";
import type { Accepted } from "@/components/deployments/queries";
import { indexKeys } from "./queries";

export function useDeploy(index: IndexDto) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Accepted>(`/api/v1/webhooks/${encodeURIComponent(index.id)}/deploy`, { method: "POST" }),
    onSuccess: () => {
      // The index (pending counts) and its deployments, diff and documents all live under this key.
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
  const [preview, setPreview] = useState(false);
  const reason = nothing ? { "aria-describedby": "deploy-reason", title: "Nothing is pending: upload documents first" } : {};
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setPreview(true)} disabled={nothing} {...reason}>
          Preview changes
        </Button>
        <Button onClick={() => deploy.mutate()} disabled={nothing || deploy.isPending} {...reason}>
          {deploy.isPending ? "Enqueuing…" : label}
        </Button>
      </div>
      {nothing ? (
        <span id="deploy-reason" className="text-xs text-zinc-500">
          Nothing to deploy: no pending changes.
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
