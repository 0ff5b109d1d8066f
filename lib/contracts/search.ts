// Orama's search parameters (placeholder; the search branch brings the full schema).
import { z } from "zod";

export const searchParams = z
  .object({
    term: z.string().max(1000).optional(),
    properties: z.union([z.literal("*"), z.array(z.string())]).optional(),
    where: z.record(z.string(), z.unknown()).optional(),
    facets: z.record(z.string(), z.unknown()).optional(),
    sortBy: z.object({ property: z.string(), order: z.enum(["ASC", "DESC"]).optional() }).optional(),
    limit: z.number().int().min(1).max(1000).default(10),
    offset: z.number().int().min(0).default(0),
    tolerance: z.number().int().min(0).max(3).optional(),
    exact: z.boolean().optional(),
    boost: z.record(z.string(), z.number()).optional(),
    threshold: z.number().min(0).max(1).optional(),
    mode: z.enum(["fulltext", "vector", "hybrid"]).default("fulltext"),
  })
  .strict()
  .meta({ id: "SearchParams" });
export type SearchParams = z.infer<typeof searchParams>;
