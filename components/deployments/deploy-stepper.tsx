// The Apply → Build → Live stepper of one deployment (embed and persist are part of Build), with its percent.
import type { DeploymentDto } from "@/lib/contracts/deployments";
import { ProgressBar } from "@/components/ui/progress-bar";

const STEPS = ["Apply", "Build", "Live"] as const;

function stepOf(d: DeploymentDto | null): number {
  if (!d) return -1;
  if (d.status === "succeeded" || d.phase === "live") return 2;
  return d.phase === "apply" ? 0 : 1;
}

/** `deployment` null = the task waits for the worker, nothing has started. */
export function DeployStepper({ deployment, label }: { deployment: DeploymentDto | null; label: string }) {
  const current = stepOf(deployment);
  const failed = deployment?.status === "failed";
  const done = deployment?.status === "succeeded";
  const pct = deployment ? (done ? 100 : deployment.progress) : 0;
  return (
    <div className="space-y-2">
      <ol aria-label={`${label} steps`} className="flex flex-wrap items-center gap-2 text-sm">
        {STEPS.map((s, i) => {
          const state = failed && i === current ? "failed" : done || i < current ? "done" : i === current ? "current" : "upcoming";
          const cls = {
            done: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
            current: "border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-200",
            failed: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
            upcoming: "border-zinc-200 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400",
          }[state];
          const mark = { done: "✓", current: "•", failed: "✕", upcoming: String(i + 1) }[state];
          return (
            <li key={s} className="flex items-center gap-2" aria-current={state === "current" ? "step" : undefined}>
              {i > 0 ? <span aria-hidden className="h-px w-6 bg-zinc-300 dark:bg-zinc-700" /> : null}
              <span className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 ${cls}`}>
                <span aria-hidden>{mark}</span>
                {s}
                <span className="sr-only"> ({state})</span>
              </span>
            </li>
          );
        })}
        <li className="ml-auto tabular-nums text-zinc-600 dark:text-zinc-400" data-testid="deploy-percent">
          {pct}%
        </li>
      </ol>
      <ProgressBar value={pct} label={`${label} progress`} />
    </div>
  );
}
