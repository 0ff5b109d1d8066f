"use client";
// The selected task in a side sheet, as labelled fields in plain words (durations as "925 ms", counts
// with their names); the raw JSON stays one click away. The selection is the `task` URL parameter.
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Sheet } from "@/components/ui/sheet";
import { useUrlParam } from "@/components/ui/tabs";
import { When } from "@/components/ui/when";
import type { TaskDto } from "@/lib/contracts/tasks";
import { formatDuration, supersededNote, taskDetailFields } from "./format";
import { useTask } from "./queries";
import { TaskStatusBadge } from "./task-status-badge";

export function useSelectedTask() {
  const [task, setTask] = useUrlParam("task", "");
  return { task: task || null, open: (uid: number) => setTask(String(uid)), close: () => setTask(null) };
}

export function TaskSheet() {
  const { task, close } = useSelectedTask();
  const q = useTask(task, { poll: true });
  return (
    <Sheet open={!!task} onClose={close} title={`Task #${task ?? ""}`}>
      {q.isPending ? <p className="text-sm text-zinc-500">Loading…</p> : null}
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {q.data ? (
        <div className="space-y-3">
          <p className="flex items-center gap-2 text-sm">
            {q.data.type} on {q.data.indexUid === null ? "the instance" : <span className="font-mono">{q.data.indexUid}</span>} <TaskStatusBadge status={q.data.status} />
          </p>
          {q.data.status === "enqueued" && q.data.type === "deploy" ? (
            <Alert tone="info">Enqueued: the deploy worker has not picked this task up yet, so nothing is live from it.</Alert>
          ) : null}
          {q.data.error ? <Alert>{q.data.error.code}: {q.data.error.message}</Alert> : null}
          <TaskFields task={q.data} />
          <details className="text-sm">
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Raw JSON (as the API returns it)</summary>
            <pre className="mt-2 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{JSON.stringify(q.data, null, 2)}</pre>
          </details>
        </div>
      ) : null}
    </Sheet>
  );
}

function TaskFields({ task }: { task: TaskDto }) {
  const superseded = supersededNote(task.details);
  const rows: [string, ReactNode][] = [
    ["Enqueued", <When key="e" at={task.enqueuedAt} none="—" />],
    ["Started", <When key="s" at={task.startedAt} none="not yet" />],
    ["Finished", <When key="f" at={task.finishedAt} none="not yet" />],
    ["Duration", formatDuration(task.duration)],
    ...taskDetailFields(task.details, 20).map((f): [string, ReactNode] => [f.label, f.value]),
  ];
  return (
    <>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Task details">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {superseded ? (
        <Alert tone="info">
          <Link href={`/tasks?task=${superseded.taskUid}`} className="font-medium underline">
            Task #{superseded.taskUid}
          </Link>{" "}
          {superseded.text}
        </Alert>
      ) : null}
    </>
  );
}
