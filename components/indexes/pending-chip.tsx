import type { IndexDto } from "@/lib/contracts/indexes";
import { Badge } from "@/components/ui/badge";

/** `+12 ~3 −1` against the live version (added, changed, removed), with "snapshot" when a replace-all is queued. */
export function PendingChip({ pending }: { pending: IndexDto["pending"] }) {
  if (pending.total === 0 && !pending.snapshot) return <span className="text-xs text-zinc-500">none</span>;
  const label = `${pending.upserts} to add, ${pending.updates} to change, ${pending.removes} to remove at the next deploy${pending.snapshot ? " (a snapshot replaces all)" : ""}`;
  return (
    <span className="inline-flex items-center gap-1" aria-label={label} title={label} data-testid="pending-chip">
      <span className="inline-flex gap-1.5 rounded-full bg-amber-100 px-2 py-0.5 font-mono text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        <span>+{pending.upserts}</span>
        <span>~{pending.updates}</span>
        <span>−{pending.removes}</span>
      </span>
      {pending.snapshot ? <Badge tone="warning">snapshot</Badge> : null}
    </span>
  );
}

export function IndexStatusBadge({ index }: { index: IndexDto }) {
  return index.liveDeploymentId ? <Badge tone="success">Live</Badge> : <Badge tone="neutral">Not deployed</Badge>;
}
