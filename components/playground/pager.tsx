"use client";
// Pages of hits past the limit: "51–100 of 1,234" with Previous / Next (the page is in the URL).
import { Button } from "@/components/ui/button";

export function Pager({ page, limit, count, onPage }: { page: number; limit: number; count: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(count / limit));
  if (count === 0) return null;
  const from = (page - 1) * limit + 1;
  const to = Math.min(count, page * limit);
  return (
    <nav aria-label="Pages of hits" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400" data-testid="hits-range">
        {from > count ? `Page ${page} is past the last hit` : `${from.toLocaleString()}–${to.toLocaleString()} of ${count.toLocaleString()}`} · page {page} of{" "}
        {pages.toLocaleString()}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Button type="button" variant="secondary" onClick={() => onPage(Math.min(page - 1, pages))}>
            Previous
          </Button>
        ) : null}
        {page < pages ? (
          <Button type="button" variant="secondary" onClick={() => onPage(page + 1)}>
            Next
          </Button>
        ) : null}
      </span>
    </nav>
  );
}
