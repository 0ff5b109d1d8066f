// Contracts of deploy history, rollback and the diff preview.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";
import { indexParams } from "./indexes";
import { acceptedSchema } from "./webhooks";

export const deploymentSchema = z
  .object({
    id: z.string(),
    indexId: z.string(),
    version: z.number(),
    taskUid: z.number(),
    kind: z.enum(["deploy", "rollback"]),
    rollbackOf: z.string().nullable(),
    rollbackOfVersion: z.number().nullable(),
    status: z.enum(["building", "succeeded", "failed"]),
    live: z.boolean(),
    canRollback: z.boolean().meta({ description: "One of the last 10 published versions, not the live one" }),
    phase: z.string(),
    progress: z.number(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable().meta({ description: "The user's name or the key's name that asked for this version, when known" }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    duration: z.string().nullable(),
    upserted: z.number().meta({ description: "Documents this version added (not in the version before)" }),
    updated: z.number().meta({ description: "Documents whose content this version changed" }),
    removed: z.number().meta({ description: "Documents this version removed" }),
    documentCount: z.number(),
    sizeBytes: z.number(),
    error: z.string().nullable(),
  })
  .meta({ id: "Deployment" });
export type DeploymentDto = z.infer<typeof deploymentSchema>;

const tag = ["Deployments"];
const read = { session: "viewer" as const, key: ["admin" as const, "deploy" as const] };
const depParams = indexParams.extend({ deploymentId: z.string().min(1) });

export const listDeploymentsContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}/deployments",
  summary: "Deploy history, newest first",
  tags: tag,
  auth: read,
  params: indexParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  responses: { 200: { description: "Deployments", schema: z.object({ results: z.array(deploymentSchema) }) }, 404: { description: "No such index", schema: errorSchema } },
});

export const getDeploymentContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}/deployments/{deploymentId}",
  summary: "One deployment, with its progress while it builds",
  tags: tag,
  auth: read,
  params: depParams,
  responses: { 200: { description: "The deployment", schema: deploymentSchema }, 404: { description: "Not found", schema: errorSchema } },
});

export const rollbackContract = contract({
  method: "post",
  path: "/api/v1/indexes/{indexId}/deployments/{deploymentId}/rollback",
  summary: "Publish an earlier version again as a new version (pending changes stay queued)",
  tags: tag,
  auth: { session: "member", key: ["deploy", "admin"] },
  params: depParams,
  responses: {
    202: { description: "The rollback task", schema: acceptedSchema },
    400: { description: "That version cannot be restored", schema: errorSchema },
    404: { description: "Not found", schema: errorSchema },
  },
});

export const diffPreviewContract = contract({
  method: "get",
  path: "/api/v1/indexes/{indexId}/diff",
  summary: "What the pending changes would do if deployed now",
  tags: tag,
  auth: { session: "viewer", key: ["deploy", "ingest", "admin"] },
  params: indexParams,
  query: z.object({ limit: z.coerce.number().int().min(0).max(500).default(50) }),
  responses: {
    200: {
      description: "Counts and the first changes",
      schema: z.object({
        upserted: z.number().meta({ description: "Documents that would be added (not in the live version)" }),
        updated: z.number().meta({ description: "Live documents whose content would change (by upsert or partial update)" }),
        removed: z.number().meta({ description: "Live documents that would be removed" }),
        unchanged: z.number().meta({ description: "Documents the pending changes name that would stay identical (not changes)" }),
        total: z.number().meta({ description: "Documents after the deploy" }),
        changes: z.array(z.record(z.string(), z.unknown())),
      }),
    },
    404: { description: "No such index", schema: errorSchema },
  },
});
