// Contracts of the built-in request inspector: a public capture URL per bin, and the captured requests.
import { z } from "zod";
import { contract } from "./define";
import { errorSchema } from "./system";

export const BIN_ID = /^bin_[A-Za-z0-9_-]{8,64}$/;
const binParams = z.object({ binId: z.string().regex(BIN_ID, "a bin id (bin_…)") });

export const inspectedRequestSchema = z
  .object({ id: z.number(), method: z.string(), headers: z.record(z.string(), z.string()), body: z.string(), at: z.string() })
  .meta({ id: "InspectedRequest" });
export type InspectedRequestDto = z.infer<typeof inspectedRequestSchema>;

const tag = ["Inspector"];

export const createBinContract = contract({
  method: "post",
  path: "/api/v1/inspect",
  summary: "Create a request-inspector bin; point a hook at its URL to see what it sends",
  tags: tag,
  auth: { session: "member", key: ["admin"], wholeInstance: true },
  responses: { 201: { description: "The bin", schema: z.object({ binId: z.string(), url: z.string() }) } },
});

const captured = { 200: { description: "Captured", schema: z.object({ ok: z.literal(true) }) }, 400: { description: "Malformed bin id", schema: errorSchema } };
const captureBase = {
  path: "/api/v1/inspect/{binId}",
  summary: "Capture a request (public; any well-formed bin id; body kept up to 64 KB, 200 requests per bin)",
  tags: tag,
  auth: null,
  params: binParams,
  body: "raw" as const,
  // Anything goes, read as it arrives (the handler keeps the first 64 KB and drops the rest unread).
  media: { "*/*": { read: "stream" as const, empty: "" } },
  responses: captured,
};
export const captureContracts = (["get", "post", "put", "patch", "delete"] as const).map((method) => contract({ ...captureBase, method, operationId: `capture${method[0].toUpperCase()}${method.slice(1)}Request` }));

export const listCapturedContract = contract({
  method: "get",
  path: "/api/v1/inspect/{binId}/requests",
  summary: "Captured requests of a bin, newest first; `after` returns only newer ones",
  tags: tag,
  auth: { session: "viewer", key: ["admin"], wholeInstance: true },
  params: binParams,
  query: z.object({ after: z.coerce.number().int().min(0).optional() }),
  responses: { 200: { description: "Requests", schema: z.object({ results: z.array(inspectedRequestSchema) }) } },
});
