// Contract of an index's search analytics: searches per minute, latency percentiles, top and
// zero-result queries over a window. Safe for client components.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";
import { indexParams } from "./indexes";

export const analyticsWindow = z.enum(["1h", "24h", "7d"]);
export type AnalyticsWindow = z.infer<typeof analyticsWindow>;

const termCount = z.object({ term: z.string(), count: z.number().meta({ description: "Searches (scaled by the sampling rate)" }) });

export const searchAnalytics = z
  .object({
    indexId: z.string(),
    window: analyticsWindow,
    bucketMinutes: z.number().meta({ description: "Width of each point of searchesPerMinute: 1 (1h), 15 (24h) or 60 (7d)" }),
    searchesPerMinute: z
      .array(z.object({ at: z.string().meta({ description: "Start of the bucket (ISO 8601)" }), count: z.number().meta({ description: "Average searches per minute in the bucket" }) }))
      .meta({ description: "Every bucket of the window, oldest first; empty buckets are 0" }),
    total: z.object({ searches: z.number(), zeroResults: z.number() }),
    latency: z
      .object({ p50: z.number().nullable(), p95: z.number().nullable() })
      .meta({ description: "Milliseconds from the search call to its result, over the recorded searches; null without searches" }),
    topQueries: z.array(termCount).meta({ description: "The 10 most searched terms (empty terms are not listed)" }),
    zeroResultQueries: z.array(termCount).meta({ description: "The 10 most searched terms that found nothing" }),
    sampled: z
      .object({ rate: z.number().meta({ description: "Recorded searches / searches: 1 when all were recorded, less when busy processes sampled" }) })
      .meta({ description: "Counts above are already scaled by it" }),
    storeTerms: z.boolean().meta({ description: "The index's analytics.storeTerms: when false, new searches are counted without their terms" }),
  })
  .meta({ id: "SearchAnalytics" });
export type SearchAnalytics = z.infer<typeof searchAnalytics>;

export const searchAnalyticsContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}/analytics",
  summary: "Search analytics of an index: searches per minute, p50/p95 latency, top and zero-result queries",
  tags: ["Indexes"],
  auth: { session: "viewer", key: ["admin"] },
  params: indexParams,
  query: z.object({ window: analyticsWindow.default("24h") }),
  responses: {
    200: { description: "Analytics over the window", schema: searchAnalytics },
    404: { description: "No such index", schema: errorSchema },
  },
});
