"use client";
// The overview's "Get started" checklist for members: each step ticks off from the instance's real state
// (the indexes, keys and hooks APIs), and links to where the next step is done — the first index's Upload
// tab once an index exists, the index with pending changes for the deploy.
import Link from "next/link";
import type { ApiKeyDto } from "@/lib/contracts/keys";
import type { HookDto } from "@/lib/contracts/hooks";
import type { IndexDto } from "@/lib/contracts/indexes";
import { keyStatus } from "@/lib/keys/status";
import { Card } from "@/components/ui/card";
import { useHooks } from "@/components/hooks/queries";
import { useIndexes } from "@/components/indexes/queries";
import { useKeys } from "@/components/keys/queries";

export interface Step {
  label: string;
  href: string;
  done: boolean;
}

const indexHref = (i: IndexDto | undefined, tab?: string) => (i ? `/indexes/${encodeURIComponent(i.id)}${tab ? `?tab=${tab}` : ""}` : "/indexes");

/** The five steps and whether each is done, from what the APIs list. */
export function gettingStarted(indexes: IndexDto[], keys: ApiKeyDto[], hooks: HookDto[]): Step[] {
  const hasData = (i: IndexDto) => i.documentCount > 0 || i.pending.total > 0 || i.pending.snapshot || i.liveDeploymentId !== null;
  const pending = indexes.find((i) => i.pending.total > 0 || i.pending.snapshot);
  return [
    { label: "Create an index and its schema", href: "/indexes/new", done: indexes.length > 0 },
    { label: "Upload documents (snapshot or notify)", href: indexHref(indexes[0], "upload"), done: indexes.some(hasData) },
    { label: "Deploy a version", href: indexHref(pending ?? indexes[0]), done: indexes.some((i) => i.liveDeploymentId !== null) },
    { label: "Create a search key", href: "/developer-tools", done: keys.some((k) => keyStatus(k) === "active") },
    { label: "Add a webhook", href: "/hooks", done: hooks.length > 0 },
  ];
}

function Check() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M3.5 8.5l3 3 6-7" />
    </svg>
  );
}

export function GetStarted({ initialKeys, initialHooks }: { initialKeys: ApiKeyDto[]; initialHooks: HookDto[] }) {
  const indexes = useIndexes();
  const keys = useKeys(initialKeys);
  const hooks = useHooks(initialHooks);
  const steps = gettingStarted(indexes.data?.results ?? [], keys.data, hooks.data);
  const done = steps.filter((s) => s.done).length;
  const next = steps.findIndex((s) => !s.done);
  const loading = indexes.isPending;
  return (
    <Card role="region" aria-label="Get started">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Get started</h2>
        <p className="text-xs text-zinc-500" data-testid="get-started-progress">
          {loading ? "Checking…" : done === steps.length ? "All done: your instance is set up." : `${done} of ${steps.length} done`}
        </p>
      </div>
      <ol className="space-y-2">
        {steps.map((s, i) => {
          const ok = !loading && s.done;
          return (
            <li key={s.label} className="flex items-center gap-3 text-sm" data-testid="get-started-step" data-done={ok}>
              <span
                className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs ${ok ? "bg-emerald-600 text-white dark:bg-emerald-500" : "bg-zinc-100 dark:bg-zinc-800"}`}
              >
                {ok ? <Check /> : i + 1}
              </span>
              <Link href={s.href} className={`hover:underline ${ok ? "text-zinc-500 line-through decoration-zinc-400" : ""}`}>
                {s.label}
              </Link>
              <span className={ok ? "sr-only" : "text-xs text-zinc-500"}>{ok ? "(done)" : !loading && i === next ? "Next" : ""}</span>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
