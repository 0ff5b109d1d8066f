"use client";
// The Inspector tab: a hook pointing at this instance's inspector shows its captured requests live;
// any other hook is offered a switch to a fresh bin (its real URL is shown so it can be put back).
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/table";
import type { HookTabProps } from "./hook-detail-tabs";
import { useCreateBinMutation, useUpdateHookMutation } from "./queries";
import { InspectorView } from "./inspector-view";

const BIN_PATH = /\/api\/v1\/inspect\/(bin_[A-Za-z0-9_-]{8,64})$/;

export function HookInspectorTab({ hook, role }: HookTabProps) {
  const createBin = useCreateBinMutation();
  const update = useUpdateHookMutation();
  const [error, setError] = useState<string | null>(null);
  const bin = BIN_PATH.exec(new URL(hook.url ?? "", "http://x").pathname)?.[1];
  if (bin) {
    return (
      <div className="space-y-2">
        <Link href={`/hooks/inspector/${bin}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Open the bin on its own page</Link>
        <InspectorView binId={bin} />
      </div>
    );
  }
  const isViewer = role === "viewer";
  const switchToBin = async () => {
    try {
      const { url } = await createBin.mutateAsync();
      await update.mutateAsync({ uuid: hook.uuid, input: { url } });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <EmptyState title="This hook does not post to the inspector">
      <p className="mb-3">
        It posts to <code className="break-all font-mono text-xs">{hook.url}</code>.
        {isViewer ? null : " Point it at a fresh inspector bin to see every request it sends; set the URL back when done."}
      </p>
      {isViewer ? null : (
        <Button disabled={!hook.isEditable} title={hook.isEditable ? undefined : "Configured by TASK_WEBHOOK_URL: change the environment to point it elsewhere"} onClick={switchToBin}>
          Use the inspector
        </Button>
      )}
      {error ? <p className="mt-2 text-red-600">{error}</p> : null}
    </EmptyState>
  );
}
