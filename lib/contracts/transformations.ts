// Contract of the transformation tester (issue 15): runs a hook transformation on a sample or given
// payload without sending anything, so the dashboard's editor can show the outcome before saving.
import { z } from "zod";
import { contract } from "./define";
import { HOOK_KINDS, TRANSFORMATION_MAX_CHARS } from "./hooks";
import { errorSchema } from "./system";

export const testTransformationBody = z
  .object({
    transformation: z.string().min(1, "required").max(TRANSFORMATION_MAX_CHARS),
    kind: z.enum(HOOK_KINDS).default("changes"),
    payload: z.unknown().optional().meta({ description: "The body as the handler sees it (changes: `{ changes }`; tasks: an array of task objects); default: the sample event of the kind" }),
    url: z.string().max(2000).optional().meta({ description: "The hook's URL (default https://receiver.example/webhook)" }),
    headers: z.record(z.string(), z.string().max(4000)).optional().meta({ description: "The hook's custom headers (send them redacted: the tester never needs a real credential)" }),
  })
  .meta({ id: "TestTransformationRequest" });
export type TestTransformationInput = z.infer<typeof testTransformationBody>;

const failure = z.object({
  kind: z.enum(["syntax", "error", "timeout", "memory", "stack", "no_handler", "result"]),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});

export const testTransformationResult = z
  .object({
    ok: z.boolean().meta({ description: "False when the transformation failed: a delivery attempt would fail with `error`" }),
    durationMs: z.number(),
    input: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), payload: z.unknown() }).meta({ description: "What handler(webhook) was called with" }),
    cancel: z.boolean().meta({ description: "The handler returned `cancel: true`: the delivery would be cancelled, nothing sent" }),
    request: z
      .object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), contentType: z.string(), body: z.string() })
      .nullable()
      .meta({ description: "What would be sent (besides the signature, id, timestamp, token and user-agent headers, always ours)" }),
    ignoredHeaders: z.array(z.string()).meta({ description: "Headers the handler set that a transformation may not override" }),
    error: failure.nullable(),
  })
  .meta({ id: "TestTransformationResult" });
export type TestTransformationResult = z.infer<typeof testTransformationResult>;

export const testTransformationContract = contract({
  method: "post",
  path: "/api/v1/hooks/transformation-test",
  summary: "Run a transformation on a sample (or given) payload and return what would be sent, or why it fails; nothing is saved or sent",
  tags: ["Webhooks"],
  auth: { session: "member" as const, key: ["admin" as const], wholeInstance: true as const },
  body: testTransformationBody,
  responses: { 200: { description: "The outcome (`ok: false` with the error when the transformation fails)", schema: testTransformationResult }, 400: { description: "Invalid input", schema: errorSchema } },
});
