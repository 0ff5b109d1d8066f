"use client";
// "Preview changes": what deploying now would do to the live version — counts `+ ~ −` (added, changed,
// removed; identical documents are "unchanged") and the first changes, then Deploy.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { useDiff, type DiffChange } from "./queries";

interface Props {
  indexId: string;
  deployLabel: string;
  onDeploy: () => void;
  onClose: () => void;
}

export function DiffPreviewDialog({ indexId, deployLabel, onDeploy, onClose }: Props) {
  const diff = useDiff(indexId, true);
  const d = diff.data;
  const shown = d?.changes.length ?? 0;
  const all = d ? d.upserted + d.updated + d.removed : 0;
  return (
    <Dialog title="Preview changes" description="What deploying now would do to the live version." onCancel={onClose}>
      <div className="space-y-4 text-sm">
        {diff.isPending ? <p className="text-zinc-500">Computing the diff…</p> : null}
        {diff.error ? <Alert>{diff.error.message}</Alert> : null}
        {d ? (
          <>
            <p className="flex flex-wrap gap-3 font-medium" data-testid="diff-counts">
              <span className="text-emerald-700 dark:text-emerald-300">+{d.upserted} new</span>
              <span className="text-amber-700 dark:text-amber-300">~{d.updated} changed</span>
              <span className="text-red-700 dark:text-red-300">−{d.removed} removed</span>
              {d.unchanged ? <span className="font-normal text-zinc-500">{d.unchanged.toLocaleString()} unchanged</span> : null}
              <span className="font-normal text-zinc-500">{d.total.toLocaleString()} documents after the deploy</span>
            </p>
            {shown === 0 ? <p className="text-zinc-500">No document would change.</p> : null}
            <ul aria-label="Changes" className="max-h-80 space-y-2 overflow-y-auto">
              {d.changes.map((c, i) => (
                <ChangeItem key={`${c.key}-${i}`} change={c} />
              ))}
            </ul>
            {all > shown ? <p className="text-xs text-zinc-500">Showing the first {shown} of {all} changes.</p> : null}
          </>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          <Button onClick={onDeploy}>{deployLabel}</Button>
        </div>
      </div>
    </Dialog>
  );
}

const TONE = { upsert: "success", update: "warning", delete: "danger" } as const;
const WORD = { upsert: "upsert", update: "update", delete: "delete" } as const;

/** Dotted paths of the leaves of an update, e.g. `meta.rating`. */
function paths(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? paths(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function ChangeItem({ change: c }: { change: DiffChange }) {
  return (
    <li className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <Badge tone={TONE[c.type]}>{WORD[c.type]}</Badge>
        <span className="font-mono">{c.key}</span>
      </div>
      {c.type === "upsert" ? (
        <pre className="mt-2 overflow-x-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">{JSON.stringify(c.value, null, 2)}</pre>
      ) : null}
      {c.type === "update" ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Changes: <span className="font-mono">{paths(c.updates).join(", ") || "—"}</span>
        </p>
      ) : null}
    </li>
  );
}
