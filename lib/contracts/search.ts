// Search request parameters: Orama's search parameters, validated. Client-safe (zod only).
// .strict() everywhere a caller types keys, so a misspelt parameter is a 400 naming it.
import { z } from "zod";

const propertyName = z.string().min(1).max(256);

const facetParams = z
  .object({
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
    sort: z.enum(["asc", "desc", "ASC", "DESC"]).optional(),
    // Numeric facets: buckets given as ranges.
    ranges: z.array(z.object({ from: z.number(), to: z.number() }).strict()).max(100).optional(),
    // Boolean facets: which values to count.
    true: z.boolean().optional(),
    false: z.boolean().optional(),
  })
  .strict();

export const searchParams = z
  .object({
    term: z.string().max(1024).optional(),
    properties: z.union([z.literal("*"), z.array(propertyName).min(1).max(256)]).optional(),
    // Orama's where clause (operators per property type, and/or/not); Orama checks its shape.
    where: z.record(z.string(), z.unknown()).optional(),
    facets: z.record(propertyName, facetParams).optional(),
    sortBy: z.object({ property: propertyName, order: z.enum(["ASC", "DESC"]).default("ASC") }).strict().optional(),
    limit: z.number().int().min(1).max(1000).default(10),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    tolerance: z.number().int().min(0).max(3).optional(),
    exact: z.boolean().optional(),
    boost: z.record(propertyName, z.number().positive()).optional(),
    threshold: z.number().min(0).max(1).optional(),
    groupBy: z
      .object({ properties: z.array(propertyName).min(1).max(8), maxResult: z.number().int().min(1).max(1000).optional() })
      .strict()
      .optional(),
    distinctOn: propertyName.optional(),
    mode: z.enum(["fulltext", "vector", "hybrid"]).default("fulltext"),
    vector: z.object({ value: z.array(z.number()).min(1).max(4096), property: propertyName }).strict().optional(),
    similarity: z.number().min(0).max(1).optional(),
    hybridWeights: z.object({ text: z.number().min(0).max(1), vector: z.number().min(0).max(1) }).strict().optional(),
  })
  .strict();

/** Parsed parameters (defaults applied). */
export type SearchParams = z.infer<typeof searchParams>;
/** What a caller may send (defaults optional). */
export type SearchParamsInput = z.input<typeof searchParams>;
