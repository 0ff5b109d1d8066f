"use client";
// Four numbers that each open the list they count: indexes, documents, pending changes, failed tasks.
import Link from "next/link";
import { useIndexes } from "@/components/indexes/queries";
import { useTasks } from "@/components/tasks/queries";

function Stat({ label, value, href, hint }: { label: string; value: number | undefined; href: string; hint: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-700"
      aria-label={`${label}: ${value ?? "loading"}`}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value === undefined ? "…" : value.toLocaleString()}</p>
      <p className="mt-1 text-xs text-zinc-500">{hint}</p>
    </Link>
  );
}

export function StatCards() {
  const indexes = useIndexes();
  const failed = useTasks({ statuses: "failed", limit: 1 });
  const list = indexes.data?.results;
  return (
    <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Stat label="Indexes" value={list?.length} href="/indexes" hint="All indexes" />
      <Stat label="Documents" value={list?.reduce((n, i) => n + i.documentCount, 0)} href="/indexes" hint="Live, across all indexes" />
      <Stat
        label="With pending changes"
        value={list?.filter((i) => i.pending.total > 0 || i.pending.snapshot).length}
        href="/indexes?pending=1"
        hint="Indexes waiting for a deploy"
      />
      <Stat label="Failed tasks" value={failed.data?.total} href="/tasks?statuses=failed" hint="Uploads and deploys that failed" />
    </div>
  );
}
