"use client";
// The hook detail page shell: header (URL, status, filters) and the tabs of hook-detail-tabs.tsx.
import Link from "next/link";
import type { HookDto } from "@/lib/contracts/hooks";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/table";
import { Tabs, useUrlParam } from "@/components/ui/tabs";
import type { Role } from "@/lib/auth/roles";
import { DEFAULT_HOOK_TAB, hookTab, hookTabsFor } from "./hook-detail-tabs";
import { filterSummary } from "./filter-summary";
import { hookLabel } from "./hook-label";
import { PublicKeyRow } from "./public-key-row";
import { useHook } from "./queries";
import { HookStatusBadge, StatusReason, refusalReason } from "./hook-status-badge";
import { BacklogNote } from "./backlog";

export function HookDetail({ initialHook, role }: { initialHook: HookDto; role: Role }) {
  const q = useHook(initialHook);
  const hook = q.data;
  const [tabId, setTab] = useUrlParam("tab", DEFAULT_HOOK_TAB);
  const tab = hookTab(tabId, role, hook.mode);
  return (
    <div className="space-y-4">
      <div>
        <Link href="/hooks" className="text-sm text-zinc-500 hover:underline">← Webhooks</Link>
        <h1 className="mt-1 break-all font-mono text-lg font-semibold">{hookLabel(hook)}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <HookStatusBadge hook={hook} />
          <Badge tone="info">{hook.kind}</Badge>
          {hook.mode === "poll" ? <Badge>poll</Badge> : <Badge>{hook.signing === "ed25519" ? "ed25519 (v1a)" : "HMAC (v1)"}</Badge>}
          <span>{filterSummary(hook)}</span>
          <BacklogNote hook={hook} />
          {!hook.isEditable ? (
            <span>from TASK_WEBHOOK_URL</span>
          ) : role !== "viewer" ? (
            <Link href={`/hooks?edit=${hook.uuid}`} className="text-indigo-700 hover:underline dark:text-indigo-300">Edit</Link>
          ) : null}
        </div>
        {hook.status !== "active" ? (
          <p className={`mt-2 text-sm ${refusalReason(hook) ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`} data-testid="hook-status-reason">
            <StatusReason hook={hook} />
          </p>
        ) : null}
      </div>
      {hook.signing === "ed25519" && hook.mode === "push" ? (
        <div className="max-w-2xl">
          <PublicKeyRow hook={hook} />
        </div>
      ) : null}
      <Tabs label="Hook sections" tabs={hookTabsFor(role, hook.mode).map(({ id, label }) => ({ id, label }))} value={tab.id} onChange={setTab} />
      <div role="tabpanel" aria-label={tab.label}>
        {tab.Component ? <tab.Component hook={hook} role={role} /> : <EmptyState title={`${tab.label} is coming`}>This tab arrives with the delivery engine.</EmptyState>}
      </div>
    </div>
  );
}
