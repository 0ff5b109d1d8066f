"use client";
// Pause or resume a hook in one click (list rows, the detail header, the paused banner): a paused hook
// keeps its events and sends them on resume. Hidden from viewers and for the TASK_WEBHOOK_URL hook.
import { useState } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { useCan } from "@/components/shell/role";
import { Button } from "@/components/ui/button";
import { backlogText } from "./backlog";
import { hookLabel } from "./hook-label";
import { refusalReason, StatusReason } from "./hook-status-badge";
import { useUpdateHookMutation } from "./queries";

type Variant = "primary" | "secondary" | "ghost";

export function PauseButton({ hook, variant = "secondary", className }: { hook: HookDto; variant?: Variant; className?: string }) {
  const update = useUpdateHookMutation();
  const [error, setError] = useState<string | null>(null);
  const canManage = useCan("member");
  if (!canManage || !hook.isEditable) return null;
  const next = !hook.paused;
  const toggle = async () => {
    setError(null);
    try {
      await update.mutateAsync({ uuid: hook.uuid, input: { paused: next } });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button variant={variant} className={className} disabled={update.isPending} aria-label={`${next ? "Pause" : "Resume"} ${hookLabel(hook)}`} onClick={toggle}>
        {next ? "Pause" : "Resume"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The detail page's status line: why the hook is not delivering, what waits, and (paused) a Resume button. */
export function HookStatusBanner({ hook }: { hook: HookDto }) {
  if (hook.status === "active") return null;
  const refused = refusalReason(hook) !== null;
  const tone = refused || hook.status === "auto-paused" ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" : "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300";
  return (
    <div data-testid="hook-paused-banner" className={`mt-2 flex flex-wrap items-center gap-3 rounded-md border px-4 py-3 text-sm ${tone}`}>
      <div className="min-w-0 flex-1">
        <p data-testid="hook-status-reason">
          <StatusReason hook={hook} />
        </p>
        {hook.paused && hook.backlog ? (
          <p className="mt-1 text-xs" data-testid="hook-backlog">
            Backlog: {backlogText(hook) ?? "nothing waiting yet"}
          </p>
        ) : null}
      </div>
      {hook.paused ? <PauseButton hook={hook} /> : null}
    </div>
  );
}
