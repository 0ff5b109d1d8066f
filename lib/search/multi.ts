// Multi-index search: several plain searches (searchLive) in one request, one result per query, in
// order. Decision (Meilisearch's federated search does the same): the request is all or nothing. Every
// query is authorised against the caller's index scope and its parameters validated before any search
// runs, so a key scoped to some indexes gets 403 for the whole request when one query names another
// index; a query that then fails (no such index, not deployed, invalid for the live schema, timeout)
// fails the request with its error too. Errors name the query: `queries[i]` in the message and
// `{ query: i, indexId }` (or, for invalid_search, each issue with `query` and a `queries.i.`-prefixed path).
import "server-only";
import type { DbHandle } from "../db";
import type { Principal } from "../auth/principal";
import { assertIndexInScope } from "../auth/scope";
import { AppError } from "../errors";
import type { SearchParams } from "../contracts/search";
import { searchLive } from "./live";
import { parseSearchParams } from "./params";
import type { SearchResult } from "./engine";

export type MultiSearchQuery = { indexId: string } & Record<string, unknown>;
export type MultiSearchResult = { results: (SearchResult & { indexId: string })[] };

/** The error of query `i`, rethrown so the caller knows which query it was. */
function ofQuery(err: unknown, i: number, indexId: string): unknown {
  if (!(err instanceof AppError)) return err;
  const details = Array.isArray(err.details)
    ? err.details.map((d) => (d && typeof d === "object" ? { ...d, query: i, indexId, ...("path" in d ? { path: `queries.${i}.${String(d.path)}` } : {}) } : d))
    : { query: i, indexId, ...(err.details && typeof err.details === "object" ? err.details : {}) };
  return new AppError(err.code, `queries[${i}] (index "${indexId}"): ${err.message}`, details);
}

export async function multiSearch(h: DbHandle, principal: Principal, queries: MultiSearchQuery[]): Promise<MultiSearchResult> {
  // 1. Scope, for every query, before anything else: a refused query reveals nothing and runs nothing.
  queries.forEach((q, i) => {
    try {
      assertIndexInScope(principal, q.indexId);
    } catch (err) {
      throw ofQuery(err, i, q.indexId);
    }
  });
  // 2. The parameters, as a single search checks its body.
  const parsed: { indexId: string; params: SearchParams }[] = queries.map(({ indexId, ...rest }, i) => {
    try {
      return { indexId, params: parseSearchParams(rest) };
    } catch (err) {
      throw ofQuery(err, i, indexId);
    }
  });
  // 3. The searches, side by side; the first failing query (in request order) fails the request.
  const settled = await Promise.allSettled(parsed.map((q) => searchLive(h, q.indexId, q.params)));
  const results: MultiSearchResult["results"] = [];
  for (const [i, s] of settled.entries()) {
    if (s.status === "rejected") throw ofQuery(s.reason, i, parsed[i].indexId);
    const { deploymentId: _d, latencyMs: _l, ...result } = s.value;
    results.push({ indexId: parsed[i].indexId, ...result });
  }
  return { results };
}
