"use client";
// "Search all indexes": one term over every live index in one multi-search request, the top hits of each.
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/select";
import { useMultiSearch } from "@/components/playground/queries";

/** A short label for a hit: its first string property that is not the id. */
function label(doc: Record<string, unknown>, id: string): string {
  const first = Object.entries(doc).find(([k, v]) => k !== "id" && typeof v === "string" && v.trim());
  return first ? String(first[1]).slice(0, 80) : id;
}

export function SearchAllIndexes({ indexIds }: { indexIds: string[] }) {
  const [term, setTerm] = useState("");
  const q = useMultiSearch(indexIds, term);
  if (!indexIds.length) return null;
  return (
    <section aria-label="Search all indexes" className="mb-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <label htmlFor="search-all" className="text-sm font-medium">
        Search all live indexes
      </label>
      <input id="search-all" className={`${inputClass} mt-1`} type="search" placeholder="A term, searched in every live index at once" value={term} onChange={(e) => setTerm(e.target.value)} />
      <p className="mt-1 text-xs text-zinc-500">One request to POST /api/v1/multi-search with a query per index ({indexIds.length}).</p>
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {term.trim() && q.data ? (
        <ul className="mt-2 space-y-2 text-sm" data-testid="search-all-results">
          {q.data.results.map((r) => (
            <li key={r.indexId} className="min-w-0">
              <Link href={`/indexes/${encodeURIComponent(r.indexId)}?tab=playground`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {r.indexId}
              </Link>{" "}
              <span className="text-zinc-500">
                {r.count.toLocaleString()} {r.count === 1 ? "hit" : "hits"}
              </span>
              {r.hits.length ? (
                <ul className="ml-4 list-disc text-zinc-700 dark:text-zinc-300">
                  {r.hits.map((h) => (
                    <li key={h.id} className="truncate">
                      {label(h.document, h.id)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
