"use client";
import Link from "next/link";
import type { IndexDto } from "@/lib/contracts/indexes";
import { useCan } from "@/components/shell/role";
import { DeployProgress } from "@/components/deployments/deploy-progress";
import { DeployButton } from "./deploy-button";
import { useDeployMutation } from "./queries";
import { IndexStatusBadge, PendingChip } from "./pending-chip";

export function IndexHeader({ index }: { index: IndexDto }) {
  const deploy = useDeployMutation(index.id);
  const canManage = useCan("member");
  return (
    <div className="mb-6 space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <Link href="/indexes" className="hover:underline">
          Indexes
        </Link>{" "}
        / <span className="font-mono">{index.id}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            {index.name} <IndexStatusBadge index={index} />
          </h1>
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <span className="font-mono">{index.id}</span>
            <span data-testid="document-count">
              {index.documentCount.toLocaleString()} document{index.documentCount === 1 ? "" : "s"} live
            </span>
            <span className="inline-flex items-center gap-1">
              Pending: <PendingChip pending={index.pending} />
            </span>
          </p>
        </div>
        {canManage ? <DeployButton index={index} deploy={deploy} /> : null}
      </div>
      <DeployProgress indexId={index.id} kind="Deploy" accepted={deploy.data} error={deploy.error} />
    </div>
  );
}
