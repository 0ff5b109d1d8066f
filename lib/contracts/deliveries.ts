// Contracts of a hook's delivery log, replay, test event and metrics. Safe for client components.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";

const read = { session: "viewer" as const, key: ["admin" as const], wholeInstance: true as const };
const write = { session: "member" as const, key: ["admin" as const], wholeInstance: true as const };
const tags = ["Outbound webhooks"];
const hookParams = z.object({ uuid: z.string().min(1).max(64) });
const deliveryParams = hookParams.extend({ id: z.string().min(1).max(64) });
const notFound = { 404: { description: "No such hook or delivery", schema: errorSchema } };

/** "cancelled": the hook's transformation returned `cancel: true`, so nothing was sent (and nothing will be). */
export const deliveryStatus = z.enum(["pending", "succeeded", "failed", "dead", "cancelled"]);

export const deliverySummary = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    status: deliveryStatus,
    eventCount: z.number(),
    attempts: z.number(),
    lastStatusCode: z.number().nullable(),
    latencyMs: z.number().nullable().meta({ description: "Latency of the last attempt" }),
    nextAttemptAt: z.string().nullable().meta({ description: "When a failed delivery is tried again" }),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: "DeliverySummary" });
export type DeliverySummary = z.infer<typeof deliverySummary>;

export const deliveryAttempt = z.object({
  at: z.string(),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
  response: z.string().nullable().meta({ description: "First 4 KB of the response body" }),
});

export const deliveryDetail = deliverySummary
  .extend({
    contentType: z.string(),
    body: z.string(),
    headers: z.record(z.string(), z.string()).meta({ description: "Headers sent (the signature is made per attempt; the secret never travels)" }),
    attemptLog: z.array(deliveryAttempt),
  })
  .meta({ id: "DeliveryDetail" });
export type DeliveryDetail = z.infer<typeof deliveryDetail>;

export const listDeliveriesContract = contract({
  method: "get",
  path: "/api/v1/hooks/{uuid}/deliveries",
  summary: "A hook's deliveries, newest first",
  tags,
  auth: read,
  params: hookParams,
  query: z.object({
    status: deliveryStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.string().datetime({ offset: true }).optional().meta({ description: "Only deliveries created before this time (the previous page's last createdAt)" }),
  }),
  responses: { 200: { description: "A page", schema: z.object({ results: z.array(deliverySummary), next: z.string().nullable() }) }, ...notFound },
});

export const getDeliveryContract = contract({
  method: "get",
  path: "/api/v1/hooks/{uuid}/deliveries/{id}",
  summary: "A delivery with its body, headers and every attempt",
  tags,
  auth: read,
  params: deliveryParams,
  responses: { 200: { description: "The delivery", schema: deliveryDetail }, ...notFound },
});

export const retryDeliveryContract = contract({
  method: "post",
  path: "/api/v1/hooks/{uuid}/deliveries/{id}/retry",
  summary: "Replay a delivery now (same webhook-id), whatever its status",
  tags,
  auth: write,
  params: deliveryParams,
  responses: { 200: { description: "The delivery after the attempt", schema: deliveryDetail }, 409: { description: "Being sent right now", schema: errorSchema }, ...notFound },
});

export const testHookContract = contract({
  method: "post",
  path: "/api/v1/hooks/{uuid}/test",
  summary: "Send a sample event of the hook's kind as its own delivery (event \"test\", never retried)",
  tags,
  auth: write,
  params: hookParams,
  responses: { 200: { description: "The test delivery after its attempt", schema: deliveryDetail }, 400: { description: "A poll hook (nothing to send to)", schema: errorSchema }, ...notFound },
});

export const metricsWindow = z.enum(["1h", "24h", "7d"]);
export const hookMetrics = z
  .object({
    window: metricsWindow,
    bucketMinutes: z.number(),
    buckets: z.array(z.object({ at: z.string(), successes: z.number(), failures: z.number() })),
    total: z.number(),
    successes: z.number(),
    failures: z.number(),
    successRate: z.number().nullable(),
    latencyP50: z.number().nullable().meta({ description: "ms, over attempts that left the machine (not those the SSRF guard refused or could not resolve, nor failed transformations); null when there were none" }),
    latencyP95: z.number().nullable().meta({ description: "ms, over the same attempts as latencyP50" }),
  })
  .meta({ id: "HookMetrics" });
export type HookMetrics = z.infer<typeof hookMetrics>;

const metricsQuery = z.object({ window: metricsWindow.default("24h") });

export const hookMetricsContract = contract({
  method: "get",
  path: "/api/v1/hooks/{uuid}/metrics",
  summary: "Attempts per bucket, success rate and latency percentiles of one hook",
  tags,
  auth: read,
  params: hookParams,
  query: metricsQuery,
  responses: { 200: { description: "Metrics", schema: hookMetrics }, ...notFound },
});

export const allHooksMetricsContract = contract({
  method: "get",
  path: "/api/v1/hooks/metrics",
  summary: "Attempts per bucket, success rate and latency percentiles of every hook",
  tags,
  auth: read,
  query: metricsQuery,
  responses: { 200: { description: "Metrics", schema: hookMetrics } },
});
