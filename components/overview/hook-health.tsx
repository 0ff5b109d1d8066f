"use client";
// Webhooks that need a look, on the overview: failing ones (retrying) and ones Indexhook disabled
// (auto-paused: 410, refused URL, failing too long), each linking to its page. Nothing shows while all is well.
import Link from "next/link";
import type { HookDto } from "@/lib/contracts/hooks";
import { Card } from "@/components/ui/card";
import { useHooks } from "@/components/hooks/queries";
import { HookStatusBadge, StatusReason } from "@/components/hooks/hook-status-badge";
import { backlogText } from "@/components/hooks/backlog";

export function HookHealth({ initialHooks }: { initialHooks: HookDto[] }) {
  const hooks = useHooks(initialHooks);
  const troubled = hooks.data.filter((h) => h.status === "failing" || h.status === "auto-paused");
  if (troubled.length === 0) return null;
  const disabled = troubled.filter((h) => h.status === "auto-paused").length;
  return (
    <Card className="mb-6" aria-label="Webhooks needing attention" role="region">
      <h2 className="mb-1 text-sm font-semibold">Webhooks needing attention</h2>
      <p className="mb-3 text-xs text-zinc-500">
        {troubled.length - disabled} failing, {disabled} disabled. Events keep accumulating for each until it delivers again.
      </p>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {troubled.map((h) => (
          <li key={h.uuid} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid="troubled-hook">
            <HookStatusBadge hook={h} />
            <Link href={`/hooks/${h.uuid}`} className="min-w-0 flex-1 break-all font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">
              {h.url}
            </Link>
            <span className="w-full text-xs text-zinc-600 dark:text-zinc-400">
              <StatusReason hook={h} />
              {backlogText(h) ? ` Backlog: ${backlogText(h)}.` : ""}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
