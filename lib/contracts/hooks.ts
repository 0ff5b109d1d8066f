// Contracts of outbound webhooks (/api/v1/hooks). Reads never carry a secret or token, and header
// values come back redacted; the create call and the explicit reveal actions are the only exceptions.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";

export const HOOK_LIMIT = 20;
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";
export const HOOK_KINDS = ["changes", "tasks", "operational"] as const;
/** Requests per second a hook may be given at most (rateLimit); null means unlimited. */
export const HOOK_RATE_LIMIT_MAX = 1000;
const rateLimitSchema = z
  .number()
  .int("a whole number of requests per second")
  .positive("at least 1 request per second")
  .max(HOOK_RATE_LIMIT_MAX, `at most ${HOOK_RATE_LIMIT_MAX} requests per second`)
  .nullable()
  .meta({ description: "Requests per second at most (null = unlimited); events that wait meanwhile accumulate, coalesced per key" });
export const HOOK_OPERATIONS = ["upsert", "update", "delete"] as const;
export const HOOK_MODES = ["push", "poll"] as const;
export const HOOK_SIGNING = ["hmac-sha256", "ed25519"] as const;
export const HOOK_STATUSES = ["active", "paused", "auto-paused", "failing"] as const;
export type HookStatus = (typeof HOOK_STATUSES)[number];

// An empty list means "everything", as the form says, so it is stored as "all".
const listOrAll = <T extends z.ZodType>(item: T) =>
  z.union([z.literal("all"), z.array(item)]).transform((v) => (Array.isArray(v) && v.length === 0 ? ("all" as const) : v));

export const hookFiltersSchema = z
  .object({
    indexes: listOrAll(z.string().min(1)).default("all"),
    properties: listOrAll(z.string().min(1)).default("all"),
    operations: listOrAll(z.enum(HOOK_OPERATIONS)).default("all"),
  })
  .meta({ id: "HookFilters" });

export const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "a valid HTTP header name");
const headersSchema = z
  .record(headerName, z.string().max(4000).regex(/^[^\r\n]*$/, "no line breaks"))
  .refine((h) => Object.keys(h).length <= 20, "at most 20 headers");

// Transformations (issue 15): the source is checked in the sandbox at save (400 invalid_transformation).
export const TRANSFORMATION_MAX_CHARS = 65_536;
/** Blank or null removes the transformation. */
const transformationField = z
  .string()
  .max(TRANSFORMATION_MAX_CHARS)
  .nullable()
  .transform((v) => (v === null || !v.trim() ? null : v))
  .optional()
  .meta({
    description:
      "JavaScript defining `function handler(webhook)`: called before each attempt with `{ method, url, headers, payload }`, it returns them changed, or `{ cancel: true }` to skip the delivery. Runs in a QuickJS sandbox (no I/O, 100 ms, 16 MB). Blank or null removes it.",
  });

export const hookSchema = z
  .object({
    uuid: z.string(),
    kind: z.enum(HOOK_KINDS),
    url: z.string().nullable().meta({ description: "null for a poll hook (it has no URL)" }),
    mode: z.enum(HOOK_MODES).meta({ description: "push: POSTed to url; poll: never pushed, read with GET /api/v1/hooks/{uuid}/events" }),
    signing: z.enum(HOOK_SIGNING).meta({ description: "Standard Webhooks scheme: hmac-sha256 (v1, whsec_ secret) or ed25519 (v1a, whpk_ public key)" }),
    publicKey: z.string().nullable().meta({ description: "ed25519 hooks: whpk_ + base64 of the raw 32-byte public key that verifies v1a signatures; null for HMAC" }),
    previousPublicKey: z.string().nullable().meta({ description: "The public key before the last rotation while it still signs (until previousSecretExpiresAt)" }),
    headers: z.record(z.string(), z.string()).meta({ description: "Values redacted: `Bearer ****`, `****abcd`" }),
    paused: z.boolean(),
    pausedReason: z.string().nullable(),
    filters: z.object({
      indexes: z.union([z.literal("all"), z.array(z.string())]),
      properties: z.union([z.literal("all"), z.array(z.string())]),
      operations: z.union([z.literal("all"), z.array(z.enum(HOOK_OPERATIONS))]),
    }),
    isEditable: z.boolean().meta({ description: "False for the hook configured by TASK_WEBHOOK_URL" }),
    status: z.enum(HOOK_STATUSES),
    failingSince: z.string().nullable(),
    previousSecretExpiresAt: z.string().nullable().meta({ description: "Until when the secret before the last rotation still signs" }),
    rateLimit: z.number().int().nullable().meta({ description: "Requests per second at most; null = unlimited" }),
    transformation: z.string().nullable().meta({ description: "JavaScript defining `function handler(webhook)`, applied to every attempt (null = none)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastDelivery: z
      .object({ id: z.string(), status: z.enum(["pending", "succeeded", "failed", "dead", "cancelled"]), statusCode: z.number().nullable(), at: z.string() })
      .nullable()
      .optional()
      .meta({ description: "The newest delivery (listed on reads; absent on writes)" }),
    backlog: z
      .object({
        events: z.number().meta({ description: "Events in the hook's log after its cursor, not yet in a delivery (index and operation filters applied; counted up to 10,000)" }),
        deliveries: z.number().meta({ description: "Deliveries not yet delivered (pending or failed)" }),
      })
      .optional()
      .meta({ description: "What waits to be sent (on reads; absent on writes): grows while the hook is paused, failing or held back by its rate limit" }),
  })
  .meta({ id: "Hook" });
export type HookDto = z.infer<typeof hookSchema>;

export const createHookBody = z
  .object({
    kind: z.enum(HOOK_KINDS).default("changes"),
    mode: z.enum(HOOK_MODES).default("push").meta({ description: "Fixed at create. poll: no url; events are read with GET …/events" }),
    url: z.string().trim().min(1, "required").max(2000).optional().meta({ description: "Required for push hooks; absent for poll hooks" }),
    signing: z.enum(HOOK_SIGNING).default("hmac-sha256"),
    headers: headersSchema.default({}),
    paused: z.boolean().default(false),
    filters: hookFiltersSchema.default({ indexes: "all", properties: "all", operations: "all" }),
    token: z.string().min(16, "at least 16 characters").max(256).optional(),
    rateLimit: rateLimitSchema.default(null),
    transformation: transformationField,
  })
  .meta({ id: "CreateHookRequest" });
export type CreateHookInput = z.infer<typeof createHookBody>;

export const updateHookBody = z
  .object({
    kind: z.enum(HOOK_KINDS).optional(),
    url: z.string().trim().min(1).max(2000).optional(),
    headers: headersSchema.optional().meta({ description: "Replaces all headers; a value sent back redacted keeps the stored one" }),
    paused: z.boolean().optional(),
    filters: hookFiltersSchema.optional(),
    signing: z.enum(HOOK_SIGNING).optional().meta({ description: "A new scheme makes a new key; the old key keeps signing (its own scheme) for 24 h, as a rotation" }),
    mode: z.enum(HOOK_MODES).optional().meta({ description: "Fixed at create: only the current mode is accepted" }),
    rateLimit: rateLimitSchema.optional(),
    transformation: transformationField,
  })
  .meta({ id: "UpdateHookRequest" });
export type UpdateHookInput = z.infer<typeof updateHookBody>;

export const secretActionBody = z.object({ action: z.enum(["reveal", "rotate", "regenerate"]) }).meta({ id: "HookSecretAction" });
export const secretResult = z.object({
  secret: z.string().optional().meta({ description: "HMAC hooks: the whsec_ secret. Absent for ed25519 hooks: the private key never leaves the server" }),
  previousSecret: z.string().nullable().meta({ description: "The HMAC secret before the last rotation while it still signs" }),
  previousSecretExpiresAt: z.string().nullable(),
  publicKey: z.string().optional().meta({ description: "ed25519 hooks: whpk_ + base64 of the raw 32-byte public key" }),
  previousPublicKey: z.string().nullable().optional().meta({ description: "The ed25519 public key before the last rotation while it still signs" }),
});
export const tokenActionBody = z
  .union([z.object({ action: z.enum(["reveal", "regenerate"]) }), z.object({ token: z.string().min(16, "at least 16 characters").max(256) })])
  .meta({ id: "HookTokenAction" });

const tag = ["Webhooks"];
const read = { session: "viewer" as const, key: ["admin" as const], wholeInstance: true as const };
const manage = { session: "member" as const, key: ["admin" as const], wholeInstance: true as const };
const uuidParams = z.object({ uuid: z.string().min(1).max(64) });
const bad = { description: "Invalid input, not_editable, hook_limit or ssrf_refused", schema: errorSchema };
const missing = { description: "No such hook", schema: errorSchema };

export const listHooksContract = contract({
  method: "get", path: "/api/v1/hooks", summary: "List webhooks (no secrets; header values redacted)", tags: tag, auth: read,
  responses: { 200: { description: "Hooks", schema: z.object({ results: z.array(hookSchema) }) } },
});

export const createHookContract = contract({
  method: "post", path: "/api/v1/hooks", summary: "Create a webhook; the response is the only read that carries its secret and token", tags: tag, auth: manage,
  body: createHookBody,
  responses: {
    201: {
      description: "The hook with `secret` (HMAC) and `token`; an ed25519 hook carries `publicKey` instead of a secret",
      schema: hookSchema.extend({ secret: z.string().optional(), token: z.string() }),
    },
    400: bad,
  },
});

export const getHookContract = contract({
  method: "get", path: "/api/v1/hooks/{uuid}", summary: "Get a webhook", tags: tag, auth: read, params: uuidParams,
  responses: { 200: { description: "The hook", schema: hookSchema }, 404: missing },
});

export const updateHookContract = contract({
  method: "patch", path: "/api/v1/hooks/{uuid}", summary: "Update a webhook (pause and resume with `paused`)", tags: tag, auth: manage,
  params: uuidParams, body: updateHookBody,
  responses: { 200: { description: "The hook", schema: hookSchema }, 400: bad, 404: missing },
});

export const deleteHookContract = contract({
  method: "delete", path: "/api/v1/hooks/{uuid}", summary: "Delete a webhook and its delivery log", tags: tag, auth: manage, params: uuidParams,
  responses: { 200: { description: "The deleted hook", schema: hookSchema }, 400: bad, 404: missing },
});

export const hookSecretContract = contract({
  method: "post", path: "/api/v1/hooks/{uuid}/secret",
  summary: "Reveal, rotate (the old secret keeps signing for 24 h) or regenerate (replaced at once) the signing secret",
  tags: tag, auth: manage, params: uuidParams, body: secretActionBody,
  responses: { 200: { description: "The secret", schema: secretResult }, 400: bad, 404: missing },
});

// Polling: a poll hook's events, read from the append-only log through its filters and coalescing.
export const POLL_MAX_LIMIT = 1000;
export const hookEventsPage = z
  .object({
    data: z.array(z.record(z.string(), z.unknown())).meta({
      description: "changes hooks: Dexie changes (`{ type, table, key, value? , updates? }`, coalesced per key within the page); tasks hooks: finished tasks (one NDJSON line each when pushed)",
    }),
    next: z.string().meta({ description: "The cursor to pass as `after` for the next page (also when `data` is empty)" }),
    hasMore: z.boolean().meta({ description: "More events are waiting right now: ask again at once with `after=next`" }),
  })
  .meta({ id: "HookEventsPage" });
export type HookEventsPage = z.infer<typeof hookEventsPage>;

export const hookEventsContract = contract({
  method: "get", path: "/api/v1/hooks/{uuid}/events",
  summary: "Pull a poll hook's events after a cursor (same filters and coalescing as pushed deliveries); reading moves nothing on the server",
  tags: tag, auth: read, params: uuidParams,
  query: z.object({
    after: z.string().max(64).optional().meta({ description: "The `next` of the previous page; absent = from where the hook started (its creation)" }),
    limit: z.coerce.number().int().min(1).max(POLL_MAX_LIMIT).default(100).meta({ description: "At most this many events (changes: distinct keys) per page" }),
  }),
  responses: { 200: { description: "A page of events", schema: hookEventsPage }, 400: { description: "invalid_cursor, or not a poll hook", schema: errorSchema }, 404: missing },
});

export const hookTokenContract = contract({
  method: "post", path: "/api/v1/hooks/{uuid}/token", summary: "Reveal, regenerate or set by hand the X-Indexhook-Token value",
  tags: tag, auth: manage, params: uuidParams, body: tokenActionBody,
  responses: { 200: { description: "The token", schema: z.object({ token: z.string() }) }, 400: bad, 404: missing },
});
