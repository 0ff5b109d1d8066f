// Contracts of the system routes: health, the caller, first-run setup, the OpenAPI document.
import { z } from "zod";
import { ROLES } from "../auth/roles";
import { ERROR_CODES, type ErrorCode } from "../errors";
import { contract } from "./define";

export const errorSchema = z
  .object({
    error: z.object({ code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: "Error" });

export const healthContract = contract({
  operationId: "getHealth",
  method: "get",
  path: "/api/health",
  summary: "Readiness: ok once migrations ran and the worker is up",
  tags: ["System"],
  auth: null,
  responses: {
    200: { description: "Ready", schema: z.object({ status: z.literal("ok") }) },
    503: { description: "Starting or unhealthy", schema: errorSchema },
  },
});

export const metricsContract = contract({
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics of this process (exposition format 0.0.4); the worker process serves its own on METRICS_PORT",
  tags: ["System"],
  // A bearer only (a scraper has no session): the master key, or an API key with the "metrics" (or
  // "admin") action. Whole instance: the metrics name every index and hook, so a key scoped to a list
  // of indexes is refused.
  auth: { session: false, key: ["metrics", "admin"], wholeInstance: true },
  responses: {
    200: { description: "The metrics in Prometheus' text exposition format", schema: z.string(), contentType: "text/plain; version=0.0.4; charset=utf-8" },
    401: { description: "No, an invalid, revoked or expired bearer", schema: errorSchema },
    403: { description: "The key lacks the metrics (or admin) action, or is scoped to a list of indexes", schema: errorSchema },
  },
});

export const meSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("master"), role: z.literal("admin") }),
    z.object({
      type: z.literal("user"),
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
    }),
    z.object({
      type: z.literal("key"),
      id: z.string(),
      name: z.string(),
      actions: z.array(z.string()),
      indexes: z.array(z.string()),
    }),
  ])
  .meta({ id: "Caller" });

export const meContract = contract({
  operationId: "getCaller",
  method: "get",
  path: "/api/v1/me",
  summary: "The caller: the signed-in user, the master key, or an API key",
  tags: ["System"],
  auth: { session: "viewer", key: ["*", "search", "ingest", "deploy", "admin"] },
  responses: { 200: { description: "The caller", schema: meSchema }, 401: { description: "Not authenticated", schema: errorSchema } },
});

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "a valid email address" }));
export const passwordSchema = z.string().min(8, "at least 8 characters").max(200);

export const setupBody = z
  .object({
    name: z.string().trim().min(1, "required").max(100),
    email: emailSchema,
    password: passwordSchema,
    setupCode: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "The setup code printed in the server's log at start (or INDEXHOOK_SETUP_CODE); not needed from this machine (loopback)" }),
  })
  .meta({ id: "SetupRequest" });
export type SetupInput = z.infer<typeof setupBody>;

export const setupContract = contract({
  operationId: "setupInstance",
  method: "post",
  path: "/api/v1/setup",
  summary: "First-run setup: create the first admin (only while the instance has no users)",
  tags: ["System"],
  auth: null,
  body: setupBody,
  responses: {
    201: { description: "The admin was created", schema: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.literal("admin") }) },
    400: { description: "Invalid input", schema: errorSchema },
    403: { description: "The setup code is missing (setup_code_required) or wrong (setup_code_invalid)", schema: errorSchema },
    409: { description: "Setup is already done", schema: errorSchema },
  },
});

export const openapiContract = contract({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v1/openapi.json",
  summary: "This OpenAPI document",
  tags: ["System"],
  auth: null,
  responses: { 200: { description: "OpenAPI 3.1 document" } },
});

export const setupStatusContract = contract({
  operationId: "getSetupStatus",
  method: "get",
  path: "/api/v1/setup",
  summary: "Whether the instance still needs its first admin",
  tags: ["System"],
  auth: null,
  responses: { 200: { description: "Setup state", schema: z.object({ needsSetup: z.boolean() }) } },
});
