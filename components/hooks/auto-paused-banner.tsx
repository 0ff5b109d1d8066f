"use client";
// A hook Indexhook paused by itself must not go unnoticed: a banner names it, says why and offers resume.
import Link from "next/link";
import { useState } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { useCan } from "@/components/shell/role";
import { Button } from "@/components/ui/button";
import { hookLabel } from "./hook-label";
import { useUpdateHookMutation } from "./queries";

export function AutoPausedBanner({ hooks }: { hooks: HookDto[] }) {
  const update = useUpdateHookMutation();
  const [error, setError] = useState<string | null>(null);
  const canManage = useCan("member");
  const paused = hooks.filter((h) => h.status === "auto-paused");
  if (paused.length === 0) return null;
  const resume = async (h: HookDto) => {
    try {
      await update.mutateAsync({ uuid: h.uuid, input: { paused: false } });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div role="alert" className="mb-4 space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      {paused.map((h) => (
        <div key={h.uuid} className="flex flex-wrap items-center gap-3">
          <span className="min-w-0 flex-1">
            <strong>Auto-paused:</strong> <span className="break-all font-mono">{hookLabel(h)}</span> — {h.pausedReason ?? "too many failures"}. Events keep accumulating.
          </span>
          {canManage ? <Link href={`/hooks/${h.uuid}?tab=testing`} className="underline">Send test</Link> : null}
          {canManage && h.isEditable ? <Button variant="secondary" onClick={() => resume(h)}>Resume</Button> : null}
        </div>
      ))}
      {error ? <p>{error}</p> : null}
    </div>
  );
}
