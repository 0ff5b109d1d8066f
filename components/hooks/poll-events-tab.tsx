"use client";
// The Events tab of a poll hook: how a consumer pulls its events (curl with an admin key, the cursor
// loop) and the pages themselves, read with the same endpoint. Reading moves nothing on the server,
// so looking here never takes events away from the real consumer.
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-value";
import type { HookTabProps } from "./hook-detail-tabs";
import { useHookEvents } from "./queries";

const noSubscribe = () => () => {};

export function PollEventsTab({ hook }: HookTabProps) {
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const [after, setAfter] = useState<string | null>(null);
  const page = useHookEvents(hook.uuid, after);
  const curl = `curl -H "Authorization: Bearer $INDEXHOOK_ADMIN_KEY" "${origin}/api/v1/hooks/${hook.uuid}/events?limit=100&after=$CURSOR"`;
  return (
    <div className="space-y-6">
      <section className="space-y-2" aria-label="How to poll">
        <h3 className="text-base font-semibold">Pull the events</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing is pushed to this hook. Your consumer asks for the events after its cursor with an admin key scoped to all indexes, processes{" "}
          <code className="font-mono">data</code>, stores <code className="font-mono">next</code> and passes it as <code className="font-mono">after</code> next time (none
          the first time: it starts where the hook was created). While <code className="font-mono">hasMore</code> is true, ask again at once; otherwise wait a few seconds.
        </p>
        <CopyValue value={curl} label="Poll command" noun="command" small />
        <p className="text-xs text-zinc-500">
          Same filters and per-key coalescing as pushed deliveries; {hook.kind === "changes" ? "data holds the changed documents (each one added, changed or removed, with its id)" : "data holds finished tasks"}. Reading moves nothing on the
          server: the cursor is yours to keep.
        </p>
      </section>
      <section className="space-y-2" aria-label="Events">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-base font-semibold">Events {after ? <span className="font-mono text-xs font-normal text-zinc-500">after {after}</span> : <span className="text-xs font-normal text-zinc-500">from the start</span>}</h3>
          <Button type="button" variant="secondary" disabled={!page.data || page.data.data.length === 0} title={page.data?.data.length ? undefined : "Nothing on this page yet"} onClick={() => page.data && setAfter(page.data.next)}>
            Next page
          </Button>
          <Button type="button" variant="ghost" disabled={after === null} title={after === null ? "Already at the start" : undefined} onClick={() => setAfter(null)}>
            From the start
          </Button>
        </div>
        {page.error ? <p className="text-sm text-red-600">{page.error.message}</p> : null}
        {page.data ? (
          <>
            <p className="text-xs text-zinc-500" data-testid="poll-summary">
              {page.data.data.length} event{page.data.data.length === 1 ? "" : "s"} · next <code className="font-mono">{page.data.next}</code> · {page.data.hasMore ? "more waiting" : "up to date"}
            </p>
            <pre data-testid="poll-events" className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900">
              {page.data.data.length ? JSON.stringify(page.data.data, null, 2) : "No events yet: deploy a change the hook's filters select."}
            </pre>
          </>
        ) : (
          <p className="text-sm text-zinc-500">Loading…</p>
        )}
      </section>
    </div>
  );
}
