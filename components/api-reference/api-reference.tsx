"use client";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useOpenApiDocument, type Operation } from "./queries";

const METHOD_TONE: Record<string, Tone> = { get: "info", post: "success", patch: "warning", put: "warning", delete: "danger" };

function OperationRow({ path, method, op }: { path: string; method: string; op: Operation }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
      <button className="flex w-full items-center gap-3 py-2 text-left" onClick={() => setOpen(!open)} aria-expanded={open}>
        <Badge tone={METHOD_TONE[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="font-mono text-sm">{path}</code>
        <span className="ml-auto text-sm text-zinc-500">{op.summary}</span>
      </button>
      {open ? (
        <div className="space-y-2 pb-3 pl-2 text-sm">
          <p>
            Auth:{" "}
            {op.security?.length ? op.security.map((s) => Object.keys(s)[0]).join(" or ") : "none (public)"}
          </p>
          {op.parameters?.length ? (
            <p>Parameters: {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}</p>
          ) : null}
          {op.requestBody ? (
            <div>
              <p>Body ({Object.keys(op.requestBody.content).join(", ")}):</p>
              <pre className="mt-1 max-h-80 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-950">
                {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
              </pre>
            </div>
          ) : null}
          <p>
            Responses:{" "}
            {Object.entries(op.responses ?? {})
              .map(([code, r]) => `${code} ${r.description}`)
              .join(" · ")}
          </p>
        </div>
      ) : null}
    </li>
  );
}

export function ApiReference() {
  const { data, error, isLoading } = useOpenApiDocument();
  if (isLoading) return <p className="text-sm text-zinc-500">Loading the API description…</p>;
  if (error || !data) return <p className="text-sm text-red-600">Could not load /api/v1/openapi.json: {String(error)}</p>;
  const byTag = new Map<string, { path: string; method: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(data.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {data.info.description} Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      {[...byTag].map(([tag, ops]) => (
        <Card key={tag}>
          <h2 className="mb-2 font-semibold">{tag}</h2>
          <ul>
            {ops.map((o) => (
              <OperationRow key={o.method + o.path} {...o} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
