"use client";
// Captured requests of an inspector bin, live (polled every 2 s): method, time, headers and the body
// pretty-printed when it is JSON or NDJSON. The newest is on top; a selected one stays selected.
import { useState, useSyncExternalStore } from "react";
import type { InspectedRequestDto } from "@/lib/contracts/inspector";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/table";
import { useCapturedRequests } from "./queries";

const noSubscribe = () => () => {};

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    const lines = body.split("\n").filter(Boolean);
    try {
      return lines.map((l) => JSON.stringify(JSON.parse(l), null, 2)).join("\n");
    } catch {
      return body;
    }
  }
}

function Detail({ r }: { r: InspectedRequestDto }) {
  return (
    <div className="space-y-3">
      <table className="w-full text-xs">
        <tbody>
          {Object.entries(r.headers).map(([k, v]) => (
            <tr key={k} className="border-b border-zinc-100 dark:border-zinc-800">
              <td className="py-1 pr-3 align-top font-mono text-zinc-500">{k}</td>
              <td className="break-all py-1 font-mono">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre data-testid="inspector-body" className="max-h-96 overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{pretty(r.body) || "(empty body)"}</pre>
    </div>
  );
}

export function InspectorView({ binId }: { binId: string }) {
  const q = useCapturedRequests(binId);
  const [selected, setSelected] = useState<number | null>(null);
  // The origin is only known in the browser; the server renders the path, so hydration agrees.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const url = `${origin}/api/v1/inspect/${binId}`;
  const rows = q.data ?? [];
  const current = rows.find((r) => r.id === selected) ?? rows[0];
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Capture URL <code className="break-all font-mono text-xs">{url}</code> — refreshed every 2 s, newest 200 kept.
      </p>
      {q.error ? <p className="text-sm text-red-600">{q.error.message}</p> : null}
      {rows.length === 0 ? (
        <EmptyState title={q.isLoading ? "Loading…" : "No requests captured yet"}>
          Send one: <code className="font-mono text-xs">curl -X POST {url} -d &apos;{"{"}&quot;hello&quot;:1{"}"}&apos;</code>
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
          <ul aria-label="Captured requests" className="max-h-[32rem] overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
            {rows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => setSelected(r.id)}
                  aria-current={r.id === current?.id}
                  className={`flex w-full items-center gap-2 px-3 py-2 text-left text-xs ${r.id === current?.id ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-zinc-50 dark:hover:bg-zinc-800"}`}
                >
                  <Badge tone="info">{r.method}</Badge>
                  <span className="font-mono">{r.at.slice(11, 19)}</span>
                  <span className="ml-auto text-zinc-500">{r.body.length} B</span>
                </button>
              </li>
            ))}
          </ul>
          {current ? <Detail r={current} /> : null}
        </div>
      )}
    </div>
  );
}
