"use client";
// Search hits: id, score, the document's properties in schema order (the same order on every hit; text
// snippeted around the first match and highlighted), and the full document on demand, also in schema order.
import { useState } from "react";
import { Highlight, snippet } from "./highlight";
import { inSchemaOrder, valueAt } from "./schema-paths";
import type { SearchResult } from "./queries";

type Hit = SearchResult["hits"][number];
/** How many properties a hit shows before "Show JSON". */
const SHOWN = 6;

function shown(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ");
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

interface ListProps {
  hits: Hit[];
  /** The schema's displayable leaves, in schema order, with their types. */
  paths: [string, string][];
  schema: Record<string, unknown>;
  terms: string[];
}

export function HitList({ hits, paths, schema, terms }: ListProps) {
  return (
    <ol aria-label="Hits" className="space-y-2">
      {hits.map((h) => (
        <HitItem key={h.id} hit={h} paths={paths} schema={schema} terms={terms} />
      ))}
    </ol>
  );
}

function HitItem({ hit, paths, schema, terms }: { hit: Hit } & Omit<ListProps, "hits">) {
  const [open, setOpen] = useState(false);
  const lines = paths
    .map(([p, type]): [string, string, boolean] => [p, shown(valueAt(hit.document, p)), type.startsWith("string")])
    .filter(([, text]) => text.length > 0)
    .slice(0, SHOWN);
  const jsonId = `hit-json-${hit.id}`;
  return (
    <li aria-label={`Hit ${hit.id}`} className="rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="break-all font-mono font-medium">{hit.id}</span>
        <span className="flex items-center gap-3">
          <span className="tabular-nums text-xs text-zinc-500">score {hit.score.toFixed(2)}</span>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={jsonId}
            onClick={() => setOpen(!open)}
            className="rounded px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            {open ? "Hide JSON" : "Show JSON"}
            <span className="sr-only"> of {hit.id}</span>
          </button>
        </span>
      </div>
      {lines.length > 0 ? (
        <dl className="mt-1 space-y-0.5" aria-label={`Properties of ${hit.id}`}>
          {lines.map(([path, text, isText]) => (
            <div key={path} className="flex gap-2" data-testid="hit-field">
              <dt className="w-24 shrink-0 truncate font-mono text-xs leading-5 text-zinc-500" title={path}>
                {path}
              </dt>
              <dd className="min-w-0 break-words text-zinc-800 dark:text-zinc-200">{isText ? <Highlight text={snippet(text, terms)} terms={terms} /> : text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {open ? (
        <pre id={jsonId} className="mt-2 overflow-x-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">
          {JSON.stringify(inSchemaOrder(hit.document, schema), null, 2)}
        </pre>
      ) : null}
    </li>
  );
}
