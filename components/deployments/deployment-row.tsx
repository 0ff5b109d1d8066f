"use client";
// One row of the deploy history: version with a Live badge, kind, status, who, when, `+ ~ −`, size, rollback.
import type { DeploymentDto } from "@/lib/contracts/deployments";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Tr } from "@/components/ui/table";
import { formatDuration } from "@/components/tasks/format";
import { When } from "@/components/ui/when";
import { formatBytes } from "./queries";

const STATUS_TONE: Record<DeploymentDto["status"], Tone> = { building: "info", succeeded: "success", failed: "danger" };

/** Why a version has no rollback button; null when it has one. */
function noRollbackReason(d: DeploymentDto): string | null {
  if (d.canRollback) return null;
  if (d.live) return "Live now";
  if (d.status === "building") return "Still building";
  if (d.status === "failed") return "A failed build cannot be restored";
  return "Only the last 10 published versions can be restored";
}

/** `onRollback` is left out for viewers: the column then stays empty (the API refuses them anyway). */
export function DeploymentRow({ d, onRollback }: { d: DeploymentDto; onRollback?: (d: DeploymentDto) => void }) {
  const reason = noRollbackReason(d);
  return (
    <Tr data-testid={`deployment-v${d.version}`}>
      <Td className="whitespace-nowrap font-medium">
        v{d.version} {d.live ? <Badge tone="success">Live</Badge> : null}
      </Td>
      <Td className="whitespace-nowrap">{d.kind === "rollback" ? `Rollback of v${d.rollbackOfVersion ?? "?"}` : "Deploy"}</Td>
      <Td>
        <Badge tone={STATUS_TONE[d.status]}>
          {d.status}
          {d.status === "building" ? ` · ${d.progress}%` : ""}
        </Badge>
        {d.error ? <p className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-300">{d.error}</p> : null}
      </Td>
      <Td className={`max-w-[9rem] truncate text-xs ${d.createdByName ? "" : "font-mono"}`} title={d.createdBy ?? undefined}>
        {d.createdByName ?? d.createdBy ?? "—"}
      </Td>
      <Td className="text-xs"><When at={d.startedAt} none="—" /></Td>
      <Td className="whitespace-nowrap tabular-nums">{formatDuration(d.duration)}</Td>
      <Td className="whitespace-nowrap font-mono text-xs" title={`${d.upserted} added, ${d.updated} changed, ${d.removed} removed`}>
        <span className="text-emerald-700 dark:text-emerald-300">+{d.upserted}</span>{" "}
        <span className="text-amber-700 dark:text-amber-300">~{d.updated}</span>{" "}
        <span className="text-red-700 dark:text-red-300">−{d.removed}</span>
      </Td>
      <Td className="tabular-nums">{d.documentCount.toLocaleString()}</Td>
      <Td className="whitespace-nowrap tabular-nums">{formatBytes(d.sizeBytes)}</Td>
      <Td className="text-right">
        {!onRollback ? null : reason ? (
          <span className="text-xs text-zinc-500">{reason}</span>
        ) : (
          <Button variant="secondary" className="whitespace-nowrap py-1" onClick={() => onRollback(d)}>
            Roll back to v{d.version}
          </Button>
        )}
      </Td>
    </Tr>
  );
}
