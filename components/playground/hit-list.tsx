"use client";
// Search hits: id, score, highlighted snippets of the text properties, and the full document on demand.
import { useState } from "react";
import { Highlight, snippet } from "./highlight";
import { valueAt } from "./schema-paths";
import type { SearchResult } from "./queries";

type Hit = SearchResult["hits"][number];

/** Up to three text properties, those containing a term first. */
function snippets(doc: Record<string, unknown>, paths: string[], terms: string[]): [string, string][] {
  const texts = paths
    .map((p): [string, string] => {
      const v = valueAt(doc, p);
      return [p, Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : typeof v === "string" ? v : ""];
    })
    .filter(([, t]) => t.length > 0);
  const hasTerm = (t: string) => terms.some((term) => t.toLowerCase().includes(term));
  return [...texts.filter(([, t]) => hasTerm(t)), ...texts.filter(([, t]) => !hasTerm(t))].slice(0, 3);
}

export function HitList({ hits, textPaths, terms }: { hits: Hit[]; textPaths: string[]; terms: string[] }) {
  return (
    <ol aria-label="Hits" className="space-y-2">
      {hits.map((h) => (
        <HitItem key={h.id} hit={h} textPaths={textPaths} terms={terms} />
      ))}
    </ol>
  );
}

function HitItem({ hit, textPaths, terms }: { hit: Hit; textPaths: string[]; terms: string[] }) {
  const [open, setOpen] = useState(false);
  const lines = snippets(hit.document, textPaths, terms);
  const jsonId = `hit-json-${hit.id}`;
  return (
    <li aria-label={`Hit ${hit.id}`} className="rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono font-medium">{hit.id}</span>
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
        <dl className="mt-1 space-y-0.5">
          {lines.map(([path, text]) => (
            <div key={path} className="flex gap-2">
              <dt className="shrink-0 font-mono text-xs leading-5 text-zinc-500">{path}</dt>
              <dd className="min-w-0 break-words text-zinc-800 dark:text-zinc-200">
                <Highlight text={snippet(text, terms)} terms={terms} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {open ? (
        <pre id={jsonId} className="mt-2 overflow-x-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">
          {JSON.stringify(hit.document, null, 2)}
        </pre>
      ) : null}
    </li>
  );
}
