"use client";
// Shown when a term finds nothing: the same term searched again with typo tolerance 2 (filters left out: the
// words come from the whole index), and the nearest words of what that finds offered as "Did you mean …?",
// plus a one-click switch to a tolerant search. Decision recorded in docs/search-engine.md (Playground).
import { didYouMean } from "@/lib/search/did-you-mean";
import { Button } from "@/components/ui/button";
import { valueAt } from "./schema-paths";
import { useSearch } from "./queries";

const SUGGEST_TOLERANCE = 2;

interface Props {
  indexId: string;
  term: string;
  tolerance: number;
  textPaths: string[];
  onTerm: (term: string) => void;
  onTolerance: (tolerance: number) => void;
}

export function DidYouMean({ indexId, term, tolerance, textPaths, onTerm, onTolerance }: Props) {
  const body = { term, tolerance: SUGGEST_TOLERANCE, limit: 50, ...(textPaths.length ? { properties: textPaths } : {}) };
  const tolerant = useSearch(indexId, body, textPaths.length > 0);
  const texts = (tolerant.data?.result.hits ?? []).flatMap((h) =>
    textPaths.flatMap((p) => {
      const v = valueAt(h.document, p);
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
    }),
  );
  const suggestion = didYouMean(term, texts, SUGGEST_TOLERANCE);
  const tolerantCount = tolerant.data?.result.count ?? 0;
  if (!suggestion && (tolerance >= SUGGEST_TOLERANCE || tolerantCount === 0)) return null;
  return (
    <div role="status" aria-label="Suggestions" className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm dark:border-amber-900 dark:bg-amber-950/40">
      {suggestion ? (
        <>
          <span>Did you mean</span>
          <Button type="button" variant="secondary" className="py-1" onClick={() => onTerm(suggestion)}>
            {suggestion}
          </Button>
          <span>?</span>
        </>
      ) : null}
      {tolerance < SUGGEST_TOLERANCE && tolerantCount > 0 ? (
        <Button type="button" variant="ghost" className="py-1" onClick={() => onTolerance(SUGGEST_TOLERANCE)}>
          Allow {SUGGEST_TOLERANCE} typos ({tolerantCount.toLocaleString()} hit{tolerantCount === 1 ? "" : "s"})
        </Button>
      ) : null}
    </div>
  );
}
