"use client";
// Deploy history of one index: duration and document charts per version, then the table, newest first, with
// "Roll back to vN" behind a confirmation and its progress.
import { useState } from "react";
import type { DeploymentDto } from "@/lib/contracts/deployments";
import { useCan } from "@/components/shell/role";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState, Table, Th } from "@/components/ui/table";
import { DeployCharts } from "./deploy-charts";
import { DeployProgress } from "./deploy-progress";
import { DeploymentRow } from "./deployment-row";
import { useDeployments, useRollback } from "./queries";

const COLUMNS = ["Version", "Kind", "Status", "Who", "Started", "Duration", "Changes", "Documents", "Size"];

export function DeploymentsTab({ indexId }: { indexId: string }) {
  const list = useDeployments(indexId, 50);
  const rollback = useRollback(indexId);
  const [target, setTarget] = useState<DeploymentDto | null>(null);
  const rows = list.data?.results ?? [];
  const canManage = useCan("member");

  const confirm = () => {
    if (!target) return;
    rollback.mutate(target.id, { onSettled: () => setTarget(null) });
  };

  return (
    <div className="space-y-4">
      {rollback.data || rollback.error ? (
        <DeployProgress key={rollback.data?.taskUid ?? "error"} indexId={indexId} kind="Rollback" accepted={rollback.data} error={rollback.error} />
      ) : null}
      {list.error ? <Alert>{list.error.message}</Alert> : null}
      {list.isPending ? <p className="text-sm text-zinc-500">Loading deployments…</p> : null}
      {list.data && rows.length === 0 ? (
        <EmptyState title="No deployments yet">{canManage ? "Upload documents, then use Deploy in the header to publish version 1." : "Nothing has been published to this index yet."}</EmptyState>
      ) : null}
      {rows.length > 0 ? <DeployCharts rows={rows} /> : null}
      {rows.length > 0 ? (
        <Table label="Deployments">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <Th key={c}>{c}</Th>
              ))}
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <DeploymentRow key={d.id} d={d} onRollback={canManage ? setTarget : undefined} />
            ))}
          </tbody>
        </Table>
      ) : null}
      <ConfirmDialog
        open={!!target}
        title={`Roll back to v${target?.version}?`}
        confirmLabel={`Roll back to v${target?.version}`}
        busy={rollback.isPending}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
      >
        <p>
          Version {target?.version} ({target?.documentCount.toLocaleString()} documents) will be published again as a new version and
          replace the live one. Pending changes stay queued.
        </p>
      </ConfirmDialog>
    </div>
  );
}
