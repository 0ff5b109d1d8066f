"use client";
// The API reference: every operation of /api/v1/openapi.json by tag, and what Indexhook sends
// (webhooks). An operation opens to who may call it, its parameters, its request body (each media
// type's fields with type, required and meaning, and an example) and every status it answers.
import { useEffect, useRef, useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { exampleText, fieldRows, refName, typeOf, type Components } from "@/lib/openapi/render";
import { useOpenApiDocument, type MediaType, type Operation } from "./queries";

const METHOD_TONE: Record<string, Tone> = { get: "info", post: "success", patch: "warning", put: "warning", delete: "danger" };

/** Text with `code` spans (the document's descriptions use Markdown backticks). */
function Text({ children }: { children?: string }) {
  if (!children) return null;
  return (
    <>
      {children.split(/(`[^`]+`)/).map((part, i) =>
        part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="break-all font-mono text-[0.92em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function statusTone(code: string): Tone {
  if (code.startsWith("2")) return "success";
  if (code.startsWith("4")) return "warning";
  if (code.startsWith("5")) return "danger";
  return "neutral";
}

function Fields({ schema, components }: { schema: MediaType["schema"]; components?: Components }) {
  const rows = fieldRows(schema, components);
  const top = typeOf(schema, components);
  const named = schema?.$ref ? refName(schema.$ref) : null;
  return (
    <div className="space-y-1">
      <p className="text-xs text-zinc-500">
        {named ? <code className="font-mono">{named}</code> : null}
        {named ? ": " : ""}
        {top}
        {rows.length === 0 && schema?.description ? (
          <>
            {" — "}
            <Text>{schema.description}</Text>
          </>
        ) : null}
      </p>
      {rows.length ? (
        <ul className="divide-y divide-zinc-100 rounded border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Body fields">
          {rows.map((r) => (
            <li key={r.path} className="px-2 py-1.5" style={{ paddingLeft: `${0.5 + r.depth * 1}rem` }} data-field={r.path}>
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                <code className="break-all font-mono text-xs font-semibold">{r.path}</code>
                <span className="break-all font-mono text-xs text-indigo-700 dark:text-indigo-300">{r.type}</span>
                {r.required ? <Badge tone="danger">required</Badge> : null}
                {r.notes.length ? <span className="text-xs text-zinc-500 [overflow-wrap:anywhere]">{r.notes.join(", ")}</span> : null}
              </div>
              {r.description ? (
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  <Text>{r.description}</Text>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Example({ text }: { text: string }) {
  return (
    <div>
      <p className="text-xs font-medium text-zinc-500">Example</p>
      <pre className="mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-950">{text}</pre>
    </div>
  );
}

function RequestBody({ body, components }: { body: NonNullable<Operation["requestBody"]>; components?: Components }) {
  const types = Object.keys(body.content);
  const [type, setType] = useState(types[0]);
  const media = body.content[type] ?? {};
  const example = exampleText(type, media, components);
  return (
    <section aria-label="Request body" className="space-y-2">
      <h3 className="font-medium">
        Request body <span className="text-xs font-normal text-zinc-500">{body.required ? "(required)" : "(optional)"}</span>
      </h3>
      {types.length > 1 ? (
        <div role="tablist" aria-label="Media type" className="flex flex-wrap gap-1">
          {types.map((t) => (
            <button
              key={t}
              role="tab"
              aria-selected={t === type}
              onClick={() => setType(t)}
              className={`rounded px-2 py-0.5 font-mono text-xs ${t === type ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "bg-zinc-100 dark:bg-zinc-800"}`}
            >
              {t}
            </button>
          ))}
        </div>
      ) : (
        <p className="font-mono text-xs">{type}</p>
      )}
      {body.description ? (
        <p className="text-xs text-zinc-500">
          <Text>{body.description}</Text>
        </p>
      ) : null}
      <Fields schema={media.schema} components={components} />
      {example ? <Example text={example} /> : null}
    </section>
  );
}

function OperationRow({ path, method, op, components, webhook }: { path: string; method: string; op: Operation; components?: Components; webhook?: boolean }) {
  const anchor = op.operationId ?? `${method}-${path}`;
  // A link to #operationId opens that operation and scrolls to it (the URL is state). The rows render
  // only in the browser (the document loads there), so reading the hash here is safe.
  const [linked] = useState(() => typeof window !== "undefined" && window.location.hash === `#${anchor}`);
  const [open, setOpen] = useState(linked);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (linked) ref.current?.scrollIntoView();
  }, [linked]);
  const params = op.parameters ?? [];
  return (
    <li ref={ref} id={anchor} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-operation={op.operationId}>
      <button className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 py-2 text-left" onClick={() => setOpen(!open)} aria-expanded={open}>
        <Badge tone={METHOD_TONE[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className="min-w-0 break-all font-mono text-sm">{webhook ? `→ ${path}` : path}</code>
        <span className="w-full text-sm text-zinc-500 sm:ml-auto sm:w-auto sm:text-right">{op.summary}</span>
      </button>
      {open ? (
        <div className="min-w-0 space-y-3 pb-4 pl-2 text-sm">
          {op.operationId ? (
            <p className="text-xs text-zinc-500">
              operationId <code className="font-mono">{op.operationId}</code>
            </p>
          ) : null}
          {op.description ? (
            <p>
              <Text>{op.description}</Text>
            </p>
          ) : null}
          {params.length ? (
            <section aria-label="Parameters" className="space-y-1">
              <h3 className="font-medium">{webhook ? "Headers" : "Parameters"}</h3>
              <ul className="space-y-1">
                {params.map((p) => (
                  <li key={p.in + p.name}>
                    <div className="flex flex-wrap items-baseline gap-x-2">
                      <code className="break-all font-mono text-xs font-semibold">{p.name}</code>
                      <span className="text-xs text-zinc-500">{p.in}</span>
                      <span className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{typeOf(p.schema, components)}</span>
                      {p.required ? <Badge tone="danger">required</Badge> : null}
                    </div>
                    {(p.description ?? p.schema?.description) ? (
                      <p className="text-xs text-zinc-600 dark:text-zinc-400">
                        <Text>{p.description ?? p.schema?.description}</Text>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {op.requestBody ? <RequestBody body={op.requestBody} components={components} /> : <p className="text-xs text-zinc-500">No request body.</p>}
          <section aria-label="Responses" className="space-y-1">
            <h3 className="font-medium">Responses</h3>
            <ul className="space-y-1">
              {Object.entries(op.responses ?? {}).map(([code, r]) => (
                <li key={code} className="flex flex-wrap items-baseline gap-x-2">
                  <Badge tone={statusTone(code)}>{code}</Badge>
                  <span className="min-w-0 flex-1">
                    <Text>{r.description}</Text>
                  </span>
                  {r.headers
                    ? Object.entries(r.headers).map(([name, h]) => (
                        <span key={name} className="w-full pl-2 text-xs text-zinc-500">
                          header <code className="font-mono">{name}</code>
                          {h.description ? `: ${h.description}` : ""}
                        </span>
                      ))
                    : null}
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </li>
  );
}

type Entry = { path: string; method: string; op: Operation; webhook?: boolean };

export function ApiReference() {
  const { data, error, isLoading } = useOpenApiDocument();
  if (isLoading) return <p className="text-sm text-zinc-500">Loading the API description…</p>;
  if (error || !data) return <p className="text-sm text-red-600">Could not load /api/v1/openapi.json: {String(error)}</p>;
  const byTag = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const tag = e.op.tags?.[0] ?? "Other";
    byTag.set(tag, [...(byTag.get(tag) ?? []), e]);
  };
  for (const [path, methods] of Object.entries(data.paths)) for (const [method, op] of Object.entries(methods)) add({ path, method, op });
  for (const [name, methods] of Object.entries(data.webhooks ?? {})) for (const [method, op] of Object.entries(methods)) add({ path: `${name} webhook`, method, op, webhook: true });
  return (
    <div className="min-w-0 space-y-4" data-testid="api-reference">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {data.info.description} Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      {[...byTag].map(([tag, ops]) => (
        <Card key={tag} className="min-w-0 p-3 sm:p-5">
          <h2 className="mb-2 font-semibold">{tag}</h2>
          <ul>
            {ops.map((o) => (
              <OperationRow key={o.method + o.path} {...o} components={data.components} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
