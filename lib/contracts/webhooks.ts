// Contracts of the inbound webhook data source, wire-compatible with the Orama Cloud SDK's
// CloudManager (POST {baseURL}/webhooks/{indexId}/{snapshot|notify|deploy|has-data|update-schema}).
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";
import { taskSchema } from "./tasks";
import { indexParams } from "./indexes";
import { oramaSchema, type OramaSchema } from "./orama-schema";

const isSchemaObject = (v: unknown): v is OramaSchema => typeof v === "object" && v !== null && !Array.isArray(v);

// Items are checked one by one by the ingest verbs (so every bad item is reported with its position,
// path, expected type and what it got); the schema here only fixes the request's shape.
// The document shows what the verbs accept (override: the JSON Schema the document prints instead of {}).
const DOCUMENT_ID_JSON = { type: ["string", "integer"], description: "The document id: a string or an integer" };
const DOCUMENT_JSON = {
  type: "object",
  description: "A document: an `id` (string or integer) and the properties of the index's schema",
  required: ["id"],
  properties: { id: DOCUMENT_ID_JSON },
  additionalProperties: true,
};
const doc = z.unknown().meta({ description: "A document: an object with an `id` (string or integer)", override: DOCUMENT_JSON });
const docId = z.unknown().meta({ description: "A document id: string or integer", override: DOCUMENT_ID_JSON });
const EXAMPLE_DOCS = [
  { id: "1", title: "Alien", year: 1979 },
  { id: "2", title: "Aliens", year: 1986 },
];

/** The JSON body of a snapshot: every document of the next version (documentation; the verbs check each item). */
export const snapshotDocuments = z.array(doc).meta({ id: "SnapshotRequest", description: "Every document of the next version" });

export const notifyBody = z
  .object({
    upsert: z.array(doc).optional().meta({ description: "Insert or replace whole documents by id" }),
    update: z.array(doc).optional().meta({ description: "Merge the given properties into the current document" }),
    remove: z.array(docId).optional().meta({ description: "Ids to remove" }),
  })
  .strict()
  .meta({ id: "NotifyRequest", example: { upsert: EXAMPLE_DOCS, update: [{ id: "3", year: 2001 }], remove: ["4"] } });
export type NotifyBody = z.infer<typeof notifyBody>;

export const acceptedSchema = z
  .object({ success: z.literal(true), taskUid: z.number(), task: taskSchema })
  .meta({ id: "Accepted" });

/** The request header that makes a retry safe, and the response header that says an answer is a replay. */
export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .trim()
    .max(255, "Idempotency-Key is longer than 255 characters.")
    .optional()
    .meta({ description: "Any string up to 255 characters: a retry with the same key and the same body replays the first task (422 for a different body)" }),
});
const replayed = {
  "idempotent-replayed": { description: '"true" when this answer replays the task of an earlier request with the same Idempotency-Key' },
};
const acceptedReplayable = { description: "Accepted and committed", schema: acceptedSchema, headers: replayed };

const NDJSON_TYPES = ["application/ndjson", "application/jsonl", "application/x-jsonlines"];

const tag = ["Inbound webhooks"];
const ingest = { session: "member" as const, key: ["ingest" as const, "admin" as const] };
const ingestErrors = {
  400: { description: "Invalid JSON or documents (details list each bad item)", schema: errorSchema },
  401: { description: "Missing, invalid, revoked or expired key", schema: errorSchema },
  403: { description: "The key lacks the action or the index", schema: errorSchema },
  404: { description: "No such index", schema: errorSchema },
  413: { description: "Body over the limit", schema: errorSchema },
  415: { description: "Unsupported content type", schema: errorSchema },
};

export const snapshotContract = contract({
  operationId: "snapshotIndex",
  method: "post",
  path: "/api/v1/webhooks/{indexId}/snapshot",
  summary: "Replace every document at the next deploy (JSON array, or NDJSON streamed line by line)",
  tags: tag,
  auth: ingest,
  params: indexParams,
  headers: idempotencyHeaders,
  body: "raw",
  media: {
    "application/json": { read: "json", maxBytes: "SNAPSHOT_MAX_BYTES", schema: snapshotDocuments, example: EXAMPLE_DOCS },
    // Streamed in constant memory, line by line.
    "application/x-ndjson": {
      read: "stream",
      maxBytes: "NDJSON_MAX_BYTES",
      aliases: NDJSON_TYPES,
      schema: z.string().meta({
        description: "Newline-delimited JSON: one document per line (each the shape of an item of the JSON array: an object with an `id`); blank lines are skipped",
        override: { type: "string", contentMediaType: "application/x-ndjson", description: "Newline-delimited JSON: one document per line (each an object with an `id`, as in the JSON array); blank lines are skipped" },
      }),
      example: EXAMPLE_DOCS.map((d) => JSON.stringify(d)).join("\n") + "\n",
    },
  },
  responses: { 202: acceptedReplayable, ...ingestErrors },
});

export const notifyContract = contract({
  operationId: "notifyIndex",
  method: "post",
  path: "/api/v1/webhooks/{indexId}/notify",
  summary: "Queue upserts, partial updates and removals for the next deploy",
  tags: tag,
  auth: ingest,
  params: indexParams,
  headers: idempotencyHeaders,
  body: notifyBody,
  media: { "application/json": { read: "json", maxBytes: "NOTIFY_MAX_BYTES" } },
  responses: { 202: acceptedReplayable, ...ingestErrors },
});

export const deployContract = contract({
  operationId: "deployIndex",
  method: "post",
  path: "/api/v1/webhooks/{indexId}/deploy",
  summary: "Enqueue a deploy of the pending changes; returns the task",
  tags: tag,
  auth: { session: "member", key: ["deploy", "admin"] },
  params: indexParams,
  headers: idempotencyHeaders,
  responses: { 202: { ...acceptedReplayable, description: "The deploy task" }, ...ingestErrors },
});

export const hasDataContract = contract({
  operationId: "hasPendingChanges",
  method: "post",
  path: "/api/v1/webhooks/{indexId}/has-data",
  summary: "Whether changes are pending",
  tags: tag,
  auth: { session: "viewer", key: ["ingest", "admin"] },
  params: indexParams,
  responses: { 200: { description: "Pending state", schema: z.object({ hasData: z.boolean() }) }, ...ingestErrors },
});

export const updateSchemaContract = contract({
  operationId: "updateIndexSchema",
  method: "post",
  path: "/api/v1/webhooks/{indexId}/update-schema",
  summary: "Replace the index schema (refused when existing or pending documents do not fit)",
  tags: tag,
  auth: ingest,
  params: indexParams,
  // Orama's SDK passes what the caller gave: { schema } or the bare schema.
  body: z
    .union([z.object({ schema: oramaSchema }).strict(), oramaSchema])
    .transform((b): OramaSchema => ("schema" in b && isSchemaObject(b.schema) ? b.schema : (b as OramaSchema)))
    .meta({ id: "UpdateSchemaRequest", example: { schema: { title: "string", year: "number", genres: "string[]" } } }),
  responses: { 202: { description: "Applied", schema: acceptedSchema }, ...ingestErrors },
});
