"use client";
// Search playground on the live version: query bar, facet sidebar, hits with highlights, latency, Copy as cURL.
import { useMemo } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/table";
import { CopyCurlButton } from "./copy-curl-button";
import { FacetSidebar, FilterChips, toggleFilter } from "./facet-sidebar";
import { termsOf } from "./highlight";
import { HitList } from "./hit-list";
import { QueryBar } from "./query-bar";
import { facetable, facetParams, textPaths, whereOf } from "./schema-paths";
import { usePlaygroundUrl } from "./use-playground";
import { useSearch } from "./queries";

export function PlaygroundTab({ index }: { index: IndexDto }) {
  const url = usePlaygroundUrl();
  const hasEmbeddings = index.embeddings !== null;
  const mode = hasEmbeddings ? url.mode : "fulltext";
  const facetProps = useMemo(() => facetable(index.schema), [index.schema]);
  const texts = useMemo(() => textPaths(index.schema), [index.schema]);
  const where = whereOf(url.filters);
  const body: Record<string, unknown> = {
    ...(url.term ? { term: url.term } : {}),
    mode,
    limit: url.limit,
    ...(facetProps.length ? { facets: facetParams(facetProps) } : {}),
    ...(where ? { where } : {}),
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
  return (
    <div className="space-y-4">
      <QueryBar term={url.term} mode={mode} limit={url.limit} hasEmbeddings={hasEmbeddings} onChange={url.update}>
        <CopyCurlButton indexId={index.id} body={body} />
      </QueryBar>
      <FilterChips filters={url.filters} onToggle={onToggle} />
      {search.error ? (
        <Alert>
          Search failed: {search.error.message}
          {search.error instanceof ApiRequestError && search.error.details ? (
            <pre className="mt-1 overflow-x-auto text-xs">{JSON.stringify(search.error.details, null, 2)}</pre>
          ) : null}
        </Alert>
      ) : null}
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <aside>
          <FacetSidebar props={facetProps} facets={data?.result.facets} filters={url.filters} onToggle={onToggle} />
        </aside>
        <div className="min-w-0 space-y-3">
          {search.isPending ? <p className="text-sm text-zinc-500">Searching…</p> : null}
          {data ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="search-stats" aria-live="polite">
              {data.result.count.toLocaleString()} hit{data.result.count === 1 ? "" : "s"} · engine {data.result.elapsed.formatted} · round trip{" "}
              {Math.round(data.roundTripMs)} ms{search.isFetching ? " · updating…" : ""}
            </p>
          ) : null}
          {data && data.result.hits.length === 0 ? <EmptyState title="No hits">Try another term or remove a filter.</EmptyState> : null}
          {data ? <HitList hits={data.result.hits} textPaths={texts} terms={termsOf(url.term)} /> : null}
        </div>
      </div>
    </div>
  );
}
