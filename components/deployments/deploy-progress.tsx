"use client";
// Follows a deploy or rollback task: waiting for the worker, then its deployment's stepper, then
// "Version N is live" or the error. Without a task, shows the newest deployment still building.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import type { DeploymentDto } from "@/lib/contracts/deployments";
import { Alert } from "@/components/ui/alert";
import { isFinished, useTask } from "@/components/tasks/queries";
import { DeployStepper } from "./deploy-stepper";
import { useDeployment, useDeployments, type Accepted } from "./queries";

interface Props {
  indexId: string;
  kind: "Deploy" | "Rollback";
  accepted?: Accepted;
  /** The request that should have enqueued the task failed. */
  error?: Error | null;
}

export function DeployProgress({ indexId, kind: asked, accepted, error }: Props) {
  const qc = useQueryClient();
  const polled = useTask(accepted ? String(accepted.taskUid) : null, { poll: true });
  const task = polled.data ?? accepted?.task;
  const list = useDeployments(indexId, 10, { poll: !!task && !isFinished(task) });
  const match = task
    ? list.data?.results.find((d) => d.taskUid === task.uid)
    : list.data?.results.find((d) => d.status === "building");
  const one = useDeployment(indexId, match?.id ?? null);
  const dep: DeploymentDto | null = one.data ?? match ?? null;
  // Untracked (a deploy started elsewhere): name it by what it is.
  const kind = !task && dep?.kind === "rollback" ? "Rollback" : asked;
  const over = dep ? dep.status !== "building" : !!task && isFinished(task);
  // Once it is over, what the page shows about it is stale: the index (pending counts), its deployments,
  // and the task lists (the header's "A deploy is in progress." reads the unfinished deploy tasks).
  useEffect(() => {
    if (!over) return;
    qc.invalidateQueries({ queryKey: ["indexes", indexId] });
    qc.invalidateQueries({ queryKey: ["tasks"] });
  }, [over, qc, indexId]);

  if (error) return <Alert>{kind} refused: {error.message}</Alert>;
  if (!task && !dep) return null;
  // A finished version that is no longer live (rolled back or superseded since) is old news.
  if (dep?.status === "succeeded" && !dep.live) return null;
  const failed = dep?.status === "failed" || task?.status === "failed" || task?.status === "canceled";
  const label = dep ? `${kind} of version ${dep.version}` : kind;
  return (
    <section
      aria-label={`${kind} progress`}
      className={`space-y-3 rounded-lg border p-4 text-sm ${failed ? "border-red-200 dark:border-red-900" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <p aria-live="polite">
        {task ? (
          <Link href={`/tasks?task=${task.uid}`} className="mr-1 font-medium underline">
            {kind} task #{task.uid} {task.status}
          </Link>
        ) : null}
        <Message dep={dep} failed={failed} started={task?.status === "processing"} taskError={task?.error?.message} />
      </p>
      {failed && !dep ? null : <DeployStepper deployment={dep} label={label} />}
    </section>
  );
}

interface MessageProps {
  dep: DeploymentDto | null;
  failed: boolean;
  /** The worker has claimed the task but its deployment is not visible yet. */
  started: boolean;
  taskError?: string;
}

function Message({ dep, failed, started, taskError }: MessageProps) {
  if (failed) {
    return (
      <span className="text-red-700 dark:text-red-300">
        — failed, nothing changed: {dep?.error ?? taskError ?? "see the task"}.
      </span>
    );
  }
  if (!dep && started) return <span>— the deploy worker picked it up; starting…</span>;
  if (!dep) {
    return <span>— waiting for the deploy worker; pending changes stay queued and the live version is unchanged until it runs.</span>;
  }
  if (dep.status === "succeeded") {
    const of = dep.rollbackOfVersion ? ` (rollback of v${dep.rollbackOfVersion})` : "";
    return <strong className="text-emerald-700 dark:text-emerald-300">Version {dep.version} is live{of}.</strong>;
  }
  return <span>— building version {dep.version}; search keeps the current version until it is done.</span>;
}
