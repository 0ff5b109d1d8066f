"use client";
// All tasks with URL-held filters and cursor paging (`from` = the newest uid shown, `next` = older page).
import { useRouter, useSearchParams, usePathname } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/table";
import { TasksFilters, type FilterValues } from "./tasks-filters";
import { TasksTable } from "./tasks-table";
import { TaskSheet, useSelectedTask } from "./task-sheet";
import { usePinnedTasks } from "./use-pinned-tasks";

export function TasksPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: FilterValues = {
    statuses: params.get("statuses") ?? "",
    types: params.get("types") ?? "",
    indexUids: params.get("indexUids") ?? "",
  };
  const from = params.get("from") ?? "";
  const { q, newCount, showNew } = usePinnedTasks({ ...filters, limit: 20 }, from);
  const { open } = useSelectedTask();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <TasksFilters value={filters} onChange={(name, v) => update({ [name]: v, from: "" })} />
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {q.data ? (
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {q.data.total} task{q.data.total === 1 ? "" : "s"}
          {filtered ? " match the filters" : ""}
          {from ? ` · showing uid ≤ ${from}` : ""}
        </p>
      ) : null}
      {newCount > 0 ? (
        <button onClick={showNew} className="mb-2 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white hover:bg-indigo-500">
          {newCount} new task{newCount === 1 ? "" : "s"} · show
        </button>
      ) : null}
      {q.data && q.data.results.length === 0 ? (
        <EmptyState title={filtered ? "No task matches these filters" : "No tasks yet"}>
          Tasks appear when documents are uploaded (snapshot, notify) or an index is deployed.
        </EmptyState>
      ) : null}
      {q.data && q.data.results.length > 0 ? <TasksTable tasks={q.data.results} onOpen={open} /> : null}
      <div className="mt-4 flex gap-2">
        {from ? (
          <Button variant="secondary" onClick={() => update({ from: "" })}>
            Newest
          </Button>
        ) : null}
        {q.data?.next ? (
          <Button variant="secondary" onClick={() => update({ from: String(q.data.next) })}>
            Older
          </Button>
        ) : null}
      </div>
      <TaskSheet />
    </>
  );
}
