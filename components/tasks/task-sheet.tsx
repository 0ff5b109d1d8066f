"use client";
// The selected task's JSON in a side sheet; the selection is the `task` URL parameter.
import { Alert } from "@/components/ui/alert";
import { Sheet } from "@/components/ui/sheet";
import { useUrlParam } from "@/components/ui/tabs";
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
          <pre className="overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{JSON.stringify(q.data, null, 2)}</pre>
        </div>
      ) : null}
    </Sheet>
  );
}
