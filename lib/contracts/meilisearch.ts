// Contracts of the Meilisearch-shaped routes: /webhooks (Meilisearch's view of the task hooks of
// /api/v1/hooks, which stays the full API) and /health, so the `meilisearch` client works unchanged with
// host = origin + "/api/v1". Their errors carry Meilisearch's error object (errorStyle) beside ours.
import { z } from "zod";
import { contract, type RouteContract } from "./define";
import { errorSchema } from "./system";
import { headerName } from "./hooks";

/** Our error envelope plus Meilisearch's `message, code, type, link` at the top level. */
export const meilisearchErrorSchema = z
  .object({
    message: z.string(),
    code: z.string().meta({ description: "Meilisearch's code: task_not_found, webhook_not_found, invalid_api_key, missing_authorization_header, bad_request, …" }),
    type: z.enum(["invalid_request", "auth", "internal", "system"]),
    link: z.string(),
    error: errorSchema.shape.error,
  })
  .meta({ id: "MeilisearchError" });

/** What every Meilisearch-shaped contract sets. */
export const meilisearchStyle = { errorStyle: "meilisearch" } as const satisfies Pick<RouteContract, "errorStyle">;

export const meiliWebhookSchema = z
  .object({
    uuid: z.string(),
    url: z.string(),
    headers: z.record(z.string(), z.string()).meta({ description: "Values redacted (`Bearer ****`, `****abcd`): no read carries a secret" }),
    isEditable: z.boolean().meta({ description: "false for the hook configured by TASK_WEBHOOK_URL" }),
  })
  .meta({ id: "MeilisearchWebhook" });
export type MeiliWebhookDto = z.infer<typeof meiliWebhookSchema>;

const headerValue = z.string().max(4000).regex(/^[^\r\n]*$/, "no line breaks");
// Present only to be refused with Meilisearch's codes (immutable_webhook_uuid, immutable_webhook_is_editable).
const immutable = {
  uuid: z.never().optional().meta({ description: "Not accepted: set by the server (immutable_webhook_uuid)" }),
  isEditable: z.never().optional().meta({ description: "Not accepted: set by the server (immutable_webhook_is_editable)" }),
};

export const createMeiliWebhookBody = z
  .object({
    url: z.string().trim().min(1, "required").max(2000),
    headers: z.record(headerName, headerValue.nullable()).optional().meta({ description: "A null value is the same as leaving the header out" }),
    ...immutable,
  })
  .strict()
  .meta({ id: "CreateMeilisearchWebhookRequest" });
export type CreateMeiliWebhookInput = z.infer<typeof createMeiliWebhookBody>;

export const updateMeiliWebhookBody = z
  .object({
    url: z.string().trim().min(1, "required").max(2000).optional(),
    headers: z
      .record(headerName, headerValue.nullable())
      .nullable()
      .optional()
      .meta({ description: "Merged into the stored headers: a string sets one, null removes it; `headers: null` removes them all" }),
    ...immutable,
  })
  .strict()
  .meta({ id: "UpdateMeilisearchWebhookRequest" });
export type UpdateMeiliWebhookInput = z.infer<typeof updateMeiliWebhookBody>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidParams = z.object({ uuid: z.string().regex(UUID, "a UUID") });

const tag = ["Meilisearch compatibility"];
const read = { session: "viewer" as const, key: ["admin" as const], wholeInstance: true as const };
const manage = { session: "member" as const, key: ["admin" as const], wholeInstance: true as const };
const webhookCodes = {
  ...meilisearchStyle,
  meilisearchCodes: { not_found: "webhook_not_found", not_editable: "immutable_webhook", hook_limit: "invalid_webhooks", ssrf_refused: "invalid_webhook_url" },
  meilisearchFieldCodes: { url: "invalid_webhook_url", headers: "invalid_webhook_headers", "path:uuid": "invalid_webhook_uuid" },
} satisfies Partial<RouteContract>;
const bodyCodes = { ...webhookCodes.meilisearchFieldCodes, uuid: "immutable_webhook_uuid", isEditable: "immutable_webhook_is_editable" };
const bad = { description: "invalid_webhook_url (also refused by the SSRF guard), invalid_webhook_headers, invalid_webhooks (over 20), immutable_webhook, bad_request", schema: meilisearchErrorSchema };
const missing = { description: "webhook_not_found (or a hook that is not a task push hook)", schema: meilisearchErrorSchema };
const badUuid = { description: "invalid_webhook_uuid", schema: meilisearchErrorSchema };

export const listMeiliWebhooksContract = contract({
  method: "get", path: "/api/v1/webhooks", summary: "Meilisearch: list the task webhooks (header values redacted)", tags: tag, auth: read,
  ...webhookCodes,
  responses: { 200: { description: "The task push hooks, the TASK_WEBHOOK_URL one with isEditable false", schema: z.object({ results: z.array(meiliWebhookSchema) }) } },
});

export const createMeiliWebhookContract = contract({
  method: "post", path: "/api/v1/webhooks", summary: "Meilisearch: create a task webhook (a tasks hook of /api/v1/hooks)", tags: tag, auth: manage,
  ...webhookCodes, meilisearchFieldCodes: bodyCodes,
  body: createMeiliWebhookBody,
  responses: { 201: { description: "The webhook", schema: meiliWebhookSchema }, 400: bad },
});

export const getMeiliWebhookContract = contract({
  method: "get", path: "/api/v1/webhooks/{uuid}", summary: "Meilisearch: get a task webhook", tags: tag, auth: read, params: uuidParams,
  ...webhookCodes,
  responses: { 200: { description: "The webhook", schema: meiliWebhookSchema }, 400: badUuid, 404: missing },
});

export const updateMeiliWebhookContract = contract({
  method: "patch", path: "/api/v1/webhooks/{uuid}", summary: "Meilisearch: update a task webhook's url or headers (null removes a header)", tags: tag, auth: manage,
  params: uuidParams, body: updateMeiliWebhookBody,
  ...webhookCodes, meilisearchFieldCodes: bodyCodes,
  responses: { 200: { description: "The webhook", schema: meiliWebhookSchema }, 400: bad, 404: missing },
});

export const deleteMeiliWebhookContract = contract({
  method: "delete", path: "/api/v1/webhooks/{uuid}", summary: "Meilisearch: delete a task webhook", tags: tag, auth: manage, params: uuidParams,
  ...webhookCodes,
  responses: { 204: { description: "Deleted" }, 400: bad, 404: missing },
});

export const meiliHealthContract = contract({
  method: "get", path: "/api/v1/health", summary: "Meilisearch's health: available once the instance is ready", tags: tag, auth: null,
  ...meilisearchStyle,
  responses: {
    200: { description: "Ready", schema: z.object({ status: z.literal("available") }) },
    503: { description: "Starting or unhealthy", schema: meilisearchErrorSchema },
  },
});
