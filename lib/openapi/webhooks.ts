// The requests Indexhook sends (OpenAPI 3.1 `webhooks`): a hook's deliveries, one per kind, and the
// registration policy webhook, each with the Standard Webhooks headers a receiver verifies.
// lib/openapi/document.test.ts checks these against the sources they describe (kinds, event types).

/** Hook kinds and their bodies (lib/delivery/payloads.ts CONTENT_TYPE). */
export const HOOK_KIND_MEDIA = { changes: "application/json", tasks: "application/x-ndjson", operational: "application/json" } as const;
/** Operational event types (lib/db/schema/hooks.ts operationalEvents.type). */
export const OPERATIONAL_EVENT_TYPES = ["hook.disabled", "hook.failing", "hook.recovered", "delivery.exhausted"] as const;

const header = (description: string, example?: string) => ({ required: true, description, schema: { type: "string" as const }, ...(example ? { example } : {}) });

/** Standard Webhooks: what every signed request carries (lib/net/signing.ts, lib/delivery/headers.ts). */
const signed = [
  { in: "header" as const, name: "webhook-id", ...header("The message id (msg_…): the same on every retry and replay of one delivery; deduplicate on it", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W") },
  { in: "header" as const, name: "webhook-timestamp", ...header("Unix seconds of this attempt; refuse old ones (a replay window of 5 minutes is usual)", "1765000000") },
  {
    in: "header" as const,
    name: "webhook-signature",
    ...header(
      "Space-separated signatures of `{webhook-id}.{webhook-timestamp}.{body}`: `v1,<base64 HMAC-SHA256>` with the hook's whsec_ secret, or `v1a,<base64 ed25519>` verified with its whpk_ public key; two while a rotated secret is still valid (24 h)",
      "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
    ),
  },
  { in: "header" as const, name: "user-agent", ...header("Indexhook-Webhooks/1", "Indexhook-Webhooks/1") },
];
const token = { in: "header" as const, name: "x-indexhook-token", ...header("The hook's token (rotate it with POST /api/v1/hooks/{uuid}/token): a shared secret for receivers that cannot verify signatures") };

const receiverAnswers = {
  "200": { description: "Any 2xx: delivered" },
  "410": { description: "Gone: the hook is disabled (auto-paused) and receives nothing more until resumed" },
  default: { description: "Anything else, a network error or a time-out: retried with backoff, then given up (delivery.exhausted)" },
};

const change = {
  type: "object",
  required: ["type", "table", "key"],
  properties: {
    type: { type: "string", enum: ["upsert", "update", "delete"] },
    table: { type: "string", description: "The index id" },
    key: { type: ["string", "integer"], description: "The document id" },
    value: { type: "object", additionalProperties: true, description: "upsert: the whole document" },
    updates: { type: "object", additionalProperties: true, description: "update: the changed properties, by dotted path" },
  },
};

function delivery(kind: keyof typeof HOOK_KIND_MEDIA, summary: string, schema: Record<string, unknown>, example: unknown) {
  return {
    post: {
      operationId: `${kind}Delivery`,
      summary,
      description:
        "Sent to the hook's URL (POST unless its transformation chose PUT or PATCH), with the hook's custom headers. Verify `webhook-signature` before trusting the body.",
      tags: ["Outbound webhooks"],
      // The receiver authenticates Indexhook by the signature headers, not by an OpenAPI security scheme.
      security: [],
      parameters: [...signed, token],
      requestBody: { required: true, content: { [HOOK_KIND_MEDIA[kind]]: { schema, example } } },
      responses: receiverAnswers,
    },
  };
}

export const outboundWebhooks = {
  changes: delivery(
    "changes",
    'A "changes" hook: the deployed changes, one entry per document added, changed or removed (the change format Dexie Cloud uses)',
    { type: "object", required: ["changes"], properties: { changes: { type: "array", items: change } } },
    { changes: [{ type: "upsert", table: "movies", key: "1", value: { id: "1", title: "Alien", year: 1979 } }, { type: "delete", table: "movies", key: "3" }] },
  ),
  tasks: delivery(
    "tasks",
    'A "tasks" hook: finished tasks, one JSON task per line (Meilisearch\'s webhook format)',
    { type: "string", contentMediaType: "application/x-ndjson", description: "One task (the Task schema) per line" },
    '{"uid":12,"indexUid":"movies","status":"succeeded","type":"deploy","details":{"upserted":1,"updated":0,"removed":0,"total":1},"error":null,"duration":"PT0.042S","enqueuedAt":"2026-01-01T00:00:00.000Z","startedAt":"2026-01-01T00:00:00.010Z","finishedAt":"2026-01-01T00:00:00.052Z"}\n',
  ),
  operational: delivery(
    "operational",
    'An "operational" hook: what happened to the other hooks',
    {
      type: "object",
      required: ["type", "hookUuid", "reason", "at"],
      properties: {
        type: { type: "string", enum: [...OPERATIONAL_EVENT_TYPES] },
        hookUuid: { type: "string", description: "The hook it is about" },
        reason: { type: "string" },
        at: { type: "string", format: "date-time" },
      },
    },
    { type: "hook.failing", hookUuid: "0b5c…", reason: "HTTP 500", at: "2026-01-01T00:00:00.000Z" },
  ),
  registrationPolicy: {
    post: {
      operationId: "registrationPolicy",
      summary: "The registration policy webhook: asked whether a signing-up user may join",
      description: "Sent when registration mode is `webhook` (PUT /api/v1/settings/registration), signed with the policy's own secret. No 2xx verdict in time (an error, a time-out, a body that is not a verdict) fails closed: the sign-up answers 503 `policy_unavailable`.",
      tags: ["Outbound webhooks"],
      security: [],
      parameters: signed,
      requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PolicyPayload" } } } },
      responses: {
        "200": { description: "The verdict", content: { "application/json": { schema: { $ref: "#/components/schemas/PolicyVerdict" } } } },
        default: { description: "Anything else: no verdict, the sign-up fails closed" },
      },
    },
  },
};
