"use client";
// Search playground on the live version: query bar (typo tolerance included), facet sidebar sorted by count,
// number ranges, hits in schema order with highlights, pages past the limit, "Did you mean" when nothing
// matches, latency, Copy as cURL.
import { useMemo } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/table";
import { CopyCurlButton } from "./copy-curl-button";
import { DidYouMean } from "./did-you-mean";
import { FacetSidebar, FilterChips, toggleFilter } from "./facet-sidebar";
import { termsOf } from "./highlight";
import { HitList } from "./hit-list";
import { Pager } from "./pager";
import { QueryBar } from "./query-bar";
import { RangeChips, RangeFilters } from "./range-filters";
import { displayPaths, facetable, facetParams, numberPaths, rangeWhere, textPaths, whereOf } from "./schema-paths";
import { usePlaygroundUrl } from "./use-playground";
import { useSearch } from "./queries";

export function PlaygroundTab({ index }: { index: IndexDto }) {
  const url = usePlaygroundUrl();
  const hasEmbeddings = index.embeddings !== null;
  const mode = hasEmbeddings ? url.mode : "fulltext";
  const facetProps = useMemo(() => facetable(index.schema), [index.schema]);
  const texts = useMemo(() => textPaths(index.schema), [index.schema]);
  const numbers = useMemo(() => numberPaths(index.schema), [index.schema]);
  const shownPaths = useMemo(() => displayPaths(index.schema), [index.schema]);
  const where = { ...whereOf(url.filters), ...rangeWhere(url.ranges) };
  const body: Record<string, unknown> = {
    ...(url.term ? { term: url.term } : {}),
    mode,
    limit: url.limit,
    ...(url.page > 1 ? { offset: (url.page - 1) * url.limit } : {}),
    ...(url.tolerance > 0 && mode !== "vector" ? { tolerance: url.tolerance } : {}),
    ...(facetProps.length ? { facets: facetParams(facetProps) } : {}),
    ...(Object.keys(where).length ? { where } : {}),
  };
  const deployed = index.liveDeploymentId !== null;
  const search = useSearch(index.id, body, deployed);
  const notDeployed = !deployed || (search.error instanceof ApiRequestError && search.error.code === "not_deployed");

  if (notDeployed) {
    return (
      <EmptyState title="Not deployed yet">
        The playground searches the live version, and this index has none. Upload documents, then use the Deploy button above to
        publish version 1.
      </EmptyState>
    );
  }
  const data = search.data;
  const onToggle = (f: Parameters<typeof toggleFilter>[1]) => url.update({ filters: toggleFilter(url.filters, f) });
  const onRanges = (ranges: typeof url.ranges) => url.update({ ranges });
  const noHits = data && data.result.count === 0;
  return (
    <div className="space-y-4">
      <QueryBar key={url.term} term={url.term} mode={mode} limit={url.limit} tolerance={url.tolerance} hasEmbeddings={hasEmbeddings} onChange={url.update}>
        <CopyCurlButton indexId={index.id} body={body} />
      </QueryBar>
      <div className="flex flex-wrap gap-2">
        <FilterChips filters={url.filters} onToggle={onToggle} />
        <RangeChips ranges={url.ranges} onChange={onRanges} />
      </div>
      {search.error ? (
        <Alert>
          Search failed: {search.error.message}
          {search.error instanceof ApiRequestError && search.error.details ? (
            <pre className="mt-1 overflow-x-auto text-xs">{JSON.stringify(search.error.details, null, 2)}</pre>
          ) : null}
        </Alert>
      ) : null}
      {/* Above the facets: on a phone the sidebar comes first, and the count and suggestion must not hide below it. */}
      {data ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="search-stats" aria-live="polite">
          {data.result.count.toLocaleString()} hit{data.result.count === 1 ? "" : "s"} · engine {data.result.elapsed.formatted} · round trip{" "}
          {Math.round(data.roundTripMs)} ms{search.isFetching ? " · updating…" : ""}
        </p>
      ) : null}
      {noHits && url.term && mode !== "vector" ? (
        <DidYouMean
          key={`${url.term}:${url.tolerance}`}
          indexId={index.id}
          term={url.term}
          tolerance={url.tolerance}
          textPaths={texts}
          onTerm={(term) => url.update({ term })}
          onTolerance={(tolerance) => url.update({ tolerance })}
        />
      ) : null}
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <aside className="min-w-0 space-y-6">
          <FacetSidebar props={facetProps} facets={data?.result.facets} filters={url.filters} onToggle={onToggle} />
          <RangeFilters paths={numbers} ranges={url.ranges} onChange={onRanges} />
        </aside>
        <div className="min-w-0 space-y-3">
          {search.isPending ? <p className="text-sm text-zinc-500">Searching…</p> : null}
          {noHits ? <EmptyState title="No hits">Try another term, allow typos, or remove a filter.</EmptyState> : null}
          {data ? <HitList hits={data.result.hits} paths={shownPaths} schema={index.schema} terms={termsOf(url.term)} /> : null}
          {data && data.result.count > url.limit ? <Pager page={url.page} limit={url.limit} count={data.result.count} onPage={(page) => url.update({ page })} /> : null}
        </div>
      </div>
    </div>
  );
}
