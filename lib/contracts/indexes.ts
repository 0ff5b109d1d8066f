// Contracts of index management: create, list, read, update (name/schema), delete.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";
import { oramaSchema } from "./orama-schema";
import { embeddingsSettings } from "./embeddings";

export const INDEX_ID = /^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$/;
export const indexIdSchema = z
  .string()
  .regex(INDEX_ID, "lowercase letters, digits, - and _ (1–64 characters, starting and ending with a letter or digit)");

export const indexParams = z.object({ indexId: z.string().min(1) });

export const pendingSchema = z
  .object({
    upserts: z.number().meta({ description: "Documents the next deploy adds (not in the live version)" }),
    updates: z.number().meta({ description: "Live documents the next deploy changes (by upsert or partial update)" }),
    removes: z.number().meta({ description: "Live documents the next deploy removes (a pending snapshot removes every live document it leaves out)" }),
    snapshot: z.boolean().meta({ description: "A snapshot (replace all) is pending" }),
    total: z.number().meta({ description: "upserts + updates + removes, plus one for a pending snapshot" }),
  })
  .meta({ id: "PendingChanges" });

export const analyticsSettings = z
  .object({
    storeTerms: z.boolean().meta({ description: "Record search terms for top and zero-result queries; false counts searches and latency only" }),
  })
  .strict()
  .meta({ id: "IndexAnalyticsSettings" });

export const indexSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()),
    embeddings: z.record(z.string(), z.unknown()).nullable(),
    analytics: analyticsSettings,
    liveDeploymentId: z.string().nullable(),
    documentCount: z.number(),
    pending: pendingSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Index" });
export type IndexDto = z.infer<typeof indexSchema>;

export const createIndexBody = z
  .object({
    id: indexIdSchema.optional().meta({ description: "A slug; generated (idx_…) when absent" }),
    name: z.string().trim().min(1, "required").max(100),
    schema: oramaSchema.meta({ description: "Orama's schema format", example: { title: "string", year: "number", meta: { rating: "number" } } }),
    embeddings: embeddingsSettings.nullable().optional(),
  })
  .meta({ id: "CreateIndexRequest", example: { id: "movies", name: "Movies", schema: { title: "string", year: "number", meta: { rating: "number" } } } });
export type CreateIndexInput = z.infer<typeof createIndexBody>;

export const updateIndexBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    schema: oramaSchema.optional(),
    embeddings: embeddingsSettings.nullable().optional().meta({ description: "null turns automatic embeddings off" }),
    analytics: analyticsSettings.optional().meta({ description: "Search analytics settings (storeTerms)" }),
  })
  .refine((v) => v.name !== undefined || v.schema !== undefined || v.embeddings !== undefined || v.analytics !== undefined, "send name, schema, embeddings and/or analytics")
  .meta({ id: "UpdateIndexRequest" });

const tag = ["Indexes"];
const manage = { session: "member" as const, key: ["admin" as const] };
const read = { session: "viewer" as const, key: ["admin" as const] };

export const createIndexContract = contract({
  method: "post",
  path: "/api/v1/indexes",
  summary: "Create an index with its schema",
  tags: tag,
  auth: manage,
  body: createIndexBody,
  responses: {
    201: { description: "The index", schema: indexSchema },
    400: { description: "Invalid schema or id", schema: errorSchema },
    409: { description: "An index with this id exists", schema: errorSchema },
  },
});

export const listIndexesContract = contract({
  method: "get",
  path: "/api/v1/indexes",
  summary: "List indexes",
  tags: tag,
  auth: read,
  responses: { 200: { description: "Indexes", schema: z.object({ results: z.array(indexSchema) }) } },
});

export const getIndexContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}",
  summary: "Get an index with its pending changes",
  tags: tag,
  auth: read,
  params: indexParams,
  responses: { 200: { description: "The index", schema: indexSchema }, 404: { description: "No such index", schema: errorSchema } },
});

export const updateIndexContract = contract({
  method: "patch",
  path: "/api/v1/indexes/{indexId}",
  summary: "Rename an index, change its schema (refused when existing documents do not fit), embeddings or analytics settings",
  tags: tag,
  auth: manage,
  params: indexParams,
  query: z.object({
    dryRun: z
      .enum(["true", "false"], { message: "expected either `true` or `false`" })
      .transform((v) => v === "true")
      .optional()
      .meta({ description: "`true`: check the change (a schema the documents do not fit is refused as usual) and answer the index as it would be, saving nothing" }),
  }),
  body: updateIndexBody,
  responses: {
    200: { description: "The index (with dryRun: as it would be; nothing saved)", schema: indexSchema },
    400: { description: "Invalid schema, or documents that do not fit it", schema: errorSchema },
    404: { description: "No such index", schema: errorSchema },
  },
});

export const deleteIndexContract = contract({
  method: "delete",
  path: "/api/v1/indexes/{indexId}",
  summary: "Delete an index with its documents and pending changes",
  tags: tag,
  auth: manage,
  params: indexParams,
  responses: { 200: { description: "Deleted", schema: z.object({ deleted: z.literal(true), id: z.string() }) }, 404: { description: "No such index", schema: errorSchema } },
});

export const documentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const listDocumentsContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}/documents",
  summary: "Browse the live documents of an index (paged; all-digit ids first in numeric order, then the others in text order)",
  tags: tag,
  auth: read,
  params: indexParams,
  query: documentsQuery,
  responses: {
    200: {
      description: "A page of documents",
      schema: z.object({ results: z.array(z.record(z.string(), z.unknown())), total: z.number(), limit: z.number(), offset: z.number() }),
    },
    404: { description: "No such index", schema: errorSchema },
  },
});
