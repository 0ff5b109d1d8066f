"use client";
// "Preview changes" and "Deploy N changes": the diff dialog, then a deploy task (its progress is DeployProgress).
// A deploy that removes live documents asks first, naming how many (and which) go.
import { useState } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DiffPreviewDialog } from "@/components/deployments/diff-preview-dialog";
import { useDiff } from "@/components/deployments/queries";
import { useTasks } from "@/components/tasks/queries";
import { useDeployMutation } from "./queries";

const many = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

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
  const [confirming, setConfirming] = useState(false);
  const start = () => (removes > 0 ? setConfirming(true) : deploy.mutate());
  const why = busy ? "A deploy is already queued or running: wait for it to finish" : nothing ? "Nothing is pending: upload documents first" : null;
  const reason = why ? { "aria-describedby": "deploy-reason", title: why } : {};
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setPreview(true)} disabled={nothing} {...reason}>
          Preview changes
        </Button>
        <Button onClick={start} disabled={nothing || busy || deploy.isPending} {...reason}>
          {deploy.isPending ? "Enqueuing…" : label}
        </Button>
      </div>
      {why ? (
        <span id="deploy-reason" className="text-xs text-zinc-500">
          {busy ? "A deploy is in progress." : "Nothing to deploy: no pending changes."}
        </span>
      ) : null}
      {confirming ? (
        <ConfirmRemovals
          index={index}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            deploy.mutate();
          }}
        />
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

/** "Remove 1,550 of 2,000 live documents?": the counts, whether a snapshot is why, and the first ids that go. */
function ConfirmRemovals({ index, onConfirm, onCancel }: { index: IndexDto; onConfirm: () => void; onCancel: () => void }) {
  const { upserts, updates, removes, snapshot } = index.pending;
  const diff = useDiff(index.id, true);
  const named = (diff.data?.changes ?? []).filter((c) => c.type === "delete").map((c) => c.key).slice(0, 5);
  const most = index.documentCount > 0 && removes * 2 > index.documentCount;
  return (
    <ConfirmDialog
      open
      danger
      title={`Remove ${many(removes, "live document")}?`}
      confirmLabel={`Deploy and remove ${many(removes, "document")}`}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p data-testid="removal-summary">
        This deploy removes <strong>{many(removes, "document")}</strong> of the {many(index.documentCount, "live document")}
        {most ? " (most of the index)" : ""}, adds {upserts.toLocaleString("en-US")} and changes {updates.toLocaleString("en-US")}.
        {snapshot ? " A pending snapshot replaces all documents: every live document missing from it is removed." : ""}
      </p>
      {named.length ? (
        <p>
          Removed, for example: <span className="font-mono text-xs">{named.join(", ")}</span>
          {removes > named.length ? ` and ${(removes - named.length).toLocaleString("en-US")} more` : ""}.
        </p>
      ) : null}
      <p className="text-zinc-500">Until the deploy finishes, search keeps the current version; a rollback can restore it afterwards.</p>
    </ConfirmDialog>
  );
}
