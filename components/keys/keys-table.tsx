"use client";
// The keys list: what each key can do and where, who made it, when it was last used, and its status.
import type { ApiKeyDto } from "@/lib/contracts/keys";
import { keyStatus, type KeyStatus } from "@/lib/keys/status";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { When } from "@/components/ui/when";

const STATUS: Record<KeyStatus, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "danger" },
};

function creator(k: ApiKeyDto): string {
  if (k.createdBy === "master") return "Master key";
  return k.createdByName ?? k.createdBy;
}

export function KeysTable({ keys, onRevoke }: { keys: ApiKeyDto[]; onRevoke?: (k: ApiKeyDto) => void }) {
  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm" aria-label="API keys">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className={th}>Name</th>
            <th className={th}>Key</th>
            <th className={th}>Scope</th>
            <th className={th}>Created by</th>
            <th className={th}>Last used</th>
            <th className={th}>Expires</th>
            <th className={th}>Status</th>
            {onRevoke ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const status = keyStatus(k);
            return (
              <tr key={k.id} className={`border-b border-zinc-100 last:border-0 dark:border-zinc-800 ${status === "active" ? "" : "opacity-60"}`}>
                <td className="px-3 py-2">
                  <div className="font-medium">{k.name}</div>
                  {k.description ? <div className="text-xs text-zinc-500">{k.description}</div> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{k.start}…</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={k.kind === "public" ? "info" : "neutral"}>{k.kind}</Badge>
                    {k.actions.map((a) => (
                      <Badge key={a}>{a === "*" ? "all actions" : a}</Badge>
                    ))}
                    {k.indexes.map((i) => (
                      <Badge key={`idx-${i}`} tone="info">{i === "*" ? "all indexes" : `index: ${i}`}</Badge>
                    ))}
                    {k.allowedOrigins?.map((o) => (
                      <Badge key={`origin-${o}`} tone="neutral">{`origin: ${o}`}</Badge>
                    ))}
                  </div>
                </td>
                <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{creator(k)}</td>
                <td className="px-3 py-2 whitespace-nowrap"><When at={k.lastUsedAt} /></td>
                <td className="px-3 py-2 whitespace-nowrap"><When at={k.expiresAt} /></td>
                <td className="px-3 py-2" suppressHydrationWarning>
                  <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
                </td>
                {onRevoke ? (
                  <td className="px-3 py-2 text-right">
                    {status === "revoked" ? null : (
                      <Button variant="ghost" className="text-red-600! dark:text-red-400!" aria-label={`Revoke ${k.name}`} onClick={() => onRevoke(k)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
