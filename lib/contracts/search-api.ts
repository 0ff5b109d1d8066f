// Contracts of the search API: plain JSON search, and the Orama Cloud SDK's OramaClient endpoints
// (endpoint = {origin}/api/v1/indexes/{indexId}: GET …/init, POST …/search with a form-encoded q).
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";
import { indexParams } from "./indexes";
import { searchParams } from "./search";

export const searchResultSchema = z
  .object({
    count: z.number(),
    hits: z.array(z.object({ id: z.string(), score: z.number(), document: z.record(z.string(), z.unknown()) })),
    facets: z.record(z.string(), z.unknown()).optional(),
    groups: z.array(z.unknown()).optional(),
    elapsed: z.object({ raw: z.number(), formatted: z.string() }),
  })
  .meta({ id: "SearchResult" });

const tag = ["Search"];
const search = { session: "viewer" as const, key: ["search" as const, "admin" as const] };
const errors = {
  400: {
    description:
      "invalid_search: the parameters do not fit the contract or the live version's schema (unknown property, an operator or option its type does not support, wrong vector size, an option of another mode); details lists each problem as { parameter, property?, path, code, message }",
    schema: errorSchema,
  },
  401: { description: "Missing or invalid key", schema: errorSchema },
  403: { description: "The key may not search this index", schema: errorSchema },
  404: { description: "No such index, or not deployed yet", schema: errorSchema },
  502: { description: "embeddings_unavailable: the index's embeddings provider could not embed the query term", schema: errorSchema },
  503: { description: "The search took too long and was stopped", schema: errorSchema },
};

// `Cache-Control: no-transform` keeps Next's gzip middleware off search answers: compressing a few kB of
// JSON per request (a fresh zlib stream each time) was the largest single cost of a search over HTTP
// (≈ 18 % of the server's CPU at 16 concurrent); put a reverse proxy in front if the bandwidth matters
// more than the latency. `no-store`: results change with every deploy.
export const SEARCH_CACHE_CONTROL = "no-store, no-transform";
const searchResult = {
  description: "Orama's result shape",
  schema: searchResultSchema,
  headers: { "cache-control": { description: "Not cached, not compressed", value: SEARCH_CACHE_CONTROL } },
};

/** The search parameters as the document shows them (the same schema that validates them, with a name). */
const searchParamsDoc = searchParams.meta({ id: "SearchRequest", description: "Orama's search parameters; an empty body searches with the defaults" });
const searchForm = z
  .object({
    q: z.string().meta({ description: "The search parameters as JSON (the same object as the JSON body)" }),
    version: z.string().optional().meta({ description: "The SDK's version (ignored)" }),
  })
  .meta({ description: "The Orama SDK's OramaClient form" });

export const searchContract = contract({
  operationId: "searchIndex",
  method: "post",
  path: "/api/v1/indexes/{indexId}/search",
  summary: "Search the live version (JSON body of Orama search parameters, or the SDK's form-encoded q=)",
  tags: tag,
  auth: search,
  queryApiKey: true,
  params: indexParams,
  body: "raw",
  media: {
    // An empty body searches with the defaults.
    "application/json": { read: "json", maxBytes: 1024 * 1024, empty: {}, schema: searchParamsDoc, example: { term: "alien", properties: ["title"], where: { year: { gte: 1980 } }, limit: 10 } },
    // The Orama SDK's OramaClient: q=<json>&version=…
    "application/x-www-form-urlencoded": { read: "form", maxBytes: 1024 * 1024, schema: searchForm, example: { q: '{"term":"alien"}', version: "1.3.2" } },
  },
  responses: { 200: searchResult, ...errors },
});

export const searchGetContract = contract({
  operationId: "searchIndexWithQuery",
  method: "get",
  path: "/api/v1/indexes/{indexId}/search",
  summary: "Search with a q parameter: a term, or the JSON search parameters",
  tags: tag,
  auth: search,
  queryApiKey: true,
  params: indexParams,
  query: z.object({ q: z.string().max(100_000).default(""), "api-key": z.string().optional() }),
  responses: { 200: searchResult, ...errors },
});

export const initContract = contract({
  operationId: "initSearchClient",
  method: "get",
  path: "/api/v1/indexes/{indexId}/init",
  summary: "OramaClient start-up: the live deployment and where to send telemetry",
  tags: tag,
  auth: search,
  queryApiKey: true,
  params: indexParams,
  responses: {
    200: {
      description: "Client configuration",
      schema: z.object({ deploymentID: z.string().nullable(), index: z.string(), collectUrl: z.string() }),
    },
    ...errors,
  },
});

export const collectContract = contract({
  operationId: "collectTelemetry",
  method: "post",
  path: "/api/v1/indexes/{indexId}/collect",
  summary: "Telemetry sink for the SDK (accepted and discarded)",
  tags: tag,
  auth: null,
  params: indexParams,
  responses: { 204: { description: "Accepted" } },
});

export { searchParams };

/** Most queries one multi-search request may carry (more: 400). */
export const MAX_MULTI_SEARCH_QUERIES = 20;

export const multiSearchQuerySchema = z
  .object({ indexId: z.string().min(1).max(256).meta({ description: "The index this query searches" }) })
  // The rest of a query is Orama's search parameters, checked per query exactly as a single search's
  // body (lib/search/params.ts, then against the live version's schema): 400 invalid_search naming the query.
  .catchall(z.unknown())
  .meta({
    id: "MultiSearchQuery",
    description: "indexId plus Orama search parameters (the body of POST /api/v1/indexes/{indexId}/search: term, where, facets, limit, …)",
    example: { indexId: "products", term: "shoe", limit: 5 },
  });

export const multiSearchBody = z
  .object({ queries: z.array(multiSearchQuerySchema).max(MAX_MULTI_SEARCH_QUERIES) })
  .strict()
  .meta({ id: "MultiSearchRequest" });

export const multiSearchResultSchema = z
  .object({
    results: z.array(searchResultSchema.extend({ indexId: z.string() })).meta({ description: "One result per query, in the order of the queries" }),
  })
  .meta({ id: "MultiSearchResult" });

export const multiSearchContract = contract({
  method: "post",
  path: "/api/v1/multi-search",
  summary: `Several searches in one request (up to ${MAX_MULTI_SEARCH_QUERIES}), each on its own index; one result per query, in order. Any refused or failing query fails the whole request (the error names it)`,
  tags: tag,
  auth: search,
  queryApiKey: true,
  body: multiSearchBody,
  responses: {
    200: { ...searchResult, description: "One Orama result per query, in order", schema: multiSearchResultSchema },
    ...errors,
    403: { description: "The key may not search one of the indexes (details: the query's position and index); nothing ran", schema: errorSchema },
  },
});
