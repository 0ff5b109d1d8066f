"use client";
// A hook Indexhook paused by itself must not go unnoticed: the Webhooks list opens with a banner that
// names each one, says why (dates as <When>), shows what waits for it, and offers Send test and Resume.
import Link from "next/link";
import { useState } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { useCan } from "@/components/shell/role";
import { Button } from "@/components/ui/button";
import { backlogText } from "./backlog";
import { hookLabel } from "./hook-label";
import { AutoPauseReason, refusalReason } from "./hook-status-badge";
import { useUpdateHookMutation } from "./queries";

export function AutoPausedBanner({ hooks }: { hooks: HookDto[] }) {
  const update = useUpdateHookMutation();
  const [error, setError] = useState<string | null>(null);
  const canManage = useCan("member");
  const paused = hooks.filter((h) => h.status === "auto-paused");
  if (paused.length === 0) return null;
  const resume = async (h: HookDto) => {
    setError(null);
    try {
      await update.mutateAsync({ uuid: h.uuid, input: { paused: false } });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div role="alert" aria-label="Auto-paused webhooks" className="mb-4 space-y-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      {paused.map((h) => {
        const refused = refusalReason(h);
        return (
          <div key={h.uuid} data-testid="auto-paused-hook" className="flex flex-wrap items-center gap-3">
            <div className="min-w-0 flex-1">
              <p>
                <strong>Auto-paused:</strong>{" "}
                <Link href={`/hooks/${h.uuid}`} className="break-all font-mono underline">
                  {hookLabel(h)}
                </Link>{" "}
                — {refused ? `the URL is refused (${refused}); change the URL or ALLOWED_IP_NETWORKS` : <AutoPauseReason reason={h.pausedReason} />}.
              </p>
              <p className="mt-1 text-xs" data-testid="auto-paused-backlog">
                Backlog: {backlogText(h) ?? "nothing waiting yet"}. Events keep accumulating until you resume.
              </p>
            </div>
            {canManage ? (
              <Link href={`/hooks/${h.uuid}?tab=testing`} className="underline">
                Send test
              </Link>
            ) : null}
            {canManage && h.isEditable ? (
              <Button variant="secondary" disabled={update.isPending} onClick={() => resume(h)}>
                Resume
              </Button>
            ) : null}
          </div>
        );
      })}
      {error ? <p>{error}</p> : null}
    </div>
  );
}
