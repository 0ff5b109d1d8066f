"use client";
// This index's tasks, newest first, polling while any is unfinished.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/table";
import { useTasks } from "@/components/tasks/queries";
import { TasksTable } from "@/components/tasks/tasks-table";
import { TaskSheet, useSelectedTask } from "@/components/tasks/task-sheet";

export function IndexTasksTab({ indexId }: { indexId: string }) {
  const q = useTasks({ indexUids: indexId, limit: 50 }, { poll: true });
  const { open } = useSelectedTask();
  if (q.isPending) return <p className="text-sm text-zinc-500">Loading tasks…</p>;
  if (q.error) return <Alert>{q.error.message}</Alert>;
  return (
    <div className="space-y-3">
      {q.data.results.length === 0 ? (
        <EmptyState title="No tasks for this index yet">Uploads and deploys create tasks; they show up here.</EmptyState>
      ) : (
        <TasksTable tasks={q.data.results} onOpen={open} showIndex={false} />
      )}
      {q.data.total > q.data.results.length ? (
        <Link href={`/tasks?indexUids=${encodeURIComponent(indexId)}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          All {q.data.total} tasks of this index →
        </Link>
      ) : null}
      <TaskSheet />
    </div>
  );
}
