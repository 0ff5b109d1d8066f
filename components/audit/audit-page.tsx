"use client";
// The audit log: URL-held filters, newest first, "Load more" follows the API's cursor; a row expands to
// its details (before/after side by side, or the JSON).
import { Fragment, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { AuditEntryDto } from "@/lib/contracts/audit";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { AuditFilters, FILTER_NAMES, type AuditFilterValues } from "./audit-filters";
import { actionTone, diffRows, show } from "./format";
import { When } from "@/components/ui/when";
import { useAuditLog, useExistingTargets } from "./queries";

const TARGET_WORD: Record<string, string> = { key: "API key", hook: "webhook", user: "user", invite: "invite", index: "index" };

/** A target by its name (key name, hook URL, email), its id on hover and in the details; a link while it exists. */
function Target({ target, existing }: { target: AuditEntryDto["target"]; existing: ReturnType<typeof useExistingTargets> }) {
  if (!target) return <span className="text-zinc-400">—</span>;
  const id = target.id ?? "";
  const label = target.name ?? (id || "—");
  const mono = !target.name || target.type === "hook" || target.type === "index";
  const href = target.type === "index" && existing.index.has(id) ? `/indexes/${encodeURIComponent(id)}` : target.type === "hook" && existing.hook.has(id) ? `/hooks/${encodeURIComponent(id)}` : null;
  const title = id ? `${TARGET_WORD[target.type] ?? target.type} id ${id}` : undefined;
  return (
    <span className="flex min-w-0 flex-col">
      {href ? (
        <Link href={href} title={title} className={`break-all text-indigo-600 hover:underline dark:text-indigo-400 ${mono ? "font-mono text-xs" : ""}`}>
          {label}
        </Link>
      ) : (
        <span title={title} className={`break-all ${mono ? "font-mono text-xs" : ""}`}>
          {label}
        </span>
      )}
      <span className="text-xs text-zinc-500">{TARGET_WORD[target.type] ?? target.type}</span>
    </span>
  );
}

function Actor({ actor }: { actor: AuditEntryDto["actor"] }) {
  const kind = { user: null, key: "API key", master: "master key", anonymous: "not signed in", system: "system" }[actor.type];
  return (
    <span className="flex flex-col">
      <span>{actor.type === "master" ? "Master key" : (actor.name ?? actor.id ?? "—")}</span>
      {kind && actor.type !== "master" ? <span className="text-xs text-zinc-500">{kind}</span> : null}
    </span>
  );
}

function Details({ entry }: { entry: AuditEntryDto }) {
  const d = entry.details ?? {};
  const before = d.before as Record<string, unknown> | undefined;
  const after = d.after as Record<string, unknown> | undefined;
  const rest = Object.fromEntries(Object.entries(d).filter(([k]) => k !== "before" && k !== "after"));
  return (
    <div className="space-y-3 py-2" data-testid="audit-details">
      {before || after ? (
        <table className="w-full table-fixed text-xs" aria-label="Before and after">
          <thead>
            <tr className="text-left text-zinc-500">
              <th className="w-40 py-1 pr-2 font-medium">Field</th>
              <th className="py-1 pr-2 font-medium">Before</th>
              <th className="py-1 font-medium">After</th>
            </tr>
          </thead>
          <tbody>
            {diffRows(before, after).map((r) => (
              <tr key={r.field} className="align-top">
                <td className="py-1 pr-2 font-mono">{r.field}</td>
                <td className={`py-1 pr-2 ${r.changed && before ? "bg-red-50 dark:bg-red-950/40" : ""}`}>
                  <pre className="whitespace-pre-wrap break-all font-mono">{before ? show(r.before) : "—"}</pre>
                </td>
                <td className={`py-1 ${r.changed && after ? "bg-emerald-50 dark:bg-emerald-950/40" : ""}`}>
                  <pre className="whitespace-pre-wrap break-all font-mono">{after ? show(r.after) : "—"}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {Object.keys(rest).length ? <pre className="whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">{JSON.stringify(rest, null, 2)}</pre> : null}
      {!entry.details ? <p className="text-xs text-zinc-500">No further details.</p> : null}
      <p className="text-xs text-zinc-500">
        Entry {entry.id} · <When at={entry.at} />
        {entry.ip ? ` · from ${entry.ip}` : ""}
        {entry.actor.id && entry.actor.type !== "master" ? ` · actor id ${entry.actor.id}` : ""}
        {entry.target?.id ? ` · ${entry.target.type} id ${entry.target.id}` : ""}
      </p>
    </div>
  );
}

export function AuditPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? ""])) as AuditFilterValues;
  const [open, setOpen] = useState<Set<string>>(new Set());
  const existing = useExistingTargets();
  const q = useAuditLog(filters);
  const update = (changes: Partial<AuditFilterValues>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const entries = q.data?.pages.flatMap((p) => p.results) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <AuditFilters value={filters} onChange={update} onClear={() => router.push(pathname, { scroll: false })} />
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {q.isSuccess && entries.length === 0 ? (
        filtered ? (
          <EmptyState title="No entry matches these filters">Try a wider date range or another action group.</EmptyState>
        ) : (
          <EmptyState title="Nothing recorded yet">
            The audit log records who changed what, when: sign-ins and failed sign-ins, users and invites, API keys created or revoked, webhooks
            created, edited, paused, deleted, their secrets and tokens revealed or rotated, test sends and replays, indexes created, changed or
            deleted, deploys and rollbacks, and settings changes. Secrets are never recorded. Document uploads and searches are not recorded (they
            are tasks).
          </EmptyState>
        )
      ) : null}
      {entries.length ? (
        <Table label="Audit log">
          <thead>
            <tr>
              <Th className="w-8">
                <span className="sr-only">Expand</span>
              </Th>
              <Th>Time</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <Tr data-testid="audit-row" className="cursor-pointer" onClick={() => toggle(e.id)}>
                  <Td>
                    <button
                      type="button"
                      aria-expanded={open.has(e.id)}
                      aria-label={`${open.has(e.id) ? "Hide" : "Show"} details of ${e.action}`}
                      className="text-zinc-500"
                      onClick={(ev) => {
                        ev.stopPropagation();
                        toggle(e.id);
                      }}
                    >
                      {open.has(e.id) ? "▾" : "▸"}
                    </button>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <When at={e.at} />
                  </Td>
                  <Td>
                    <Actor actor={e.actor} />
                  </Td>
                  <Td>
                    <Badge tone={actionTone(e.action)}>{e.action}</Badge>
                  </Td>
                  <Td onClick={(ev) => ev.stopPropagation()}>
                    <Target target={e.target} existing={existing} />
                  </Td>
                </Tr>
                {open.has(e.id) ? (
                  <tr>
                    <td colSpan={5} className="border-b border-zinc-100 px-3 dark:border-zinc-800">
                      <Details entry={e} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </Table>
      ) : null}
      <div className="mt-4 flex items-center gap-3">
        {q.hasNextPage ? (
          <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
            {q.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
        {entries.length ? (
          <span className="text-xs text-zinc-500" aria-live="polite">
            {entries.length} entr{entries.length === 1 ? "y" : "ies"} shown{q.hasNextPage ? "" : " · the end"}
          </span>
        ) : null}
      </div>
    </>
  );
}
