// Hook transformations at save time and in the tester: a source that does not evaluate, or defines no
// handler, is refused with 400 invalid_transformation (nothing saved); the tester runs one on a sample.
import "server-only";
import type { TestTransformationInput, TestTransformationResult } from "../contracts/transformations";
import { changesBody, CONTENT_TYPE, SAMPLE_CHANGES, sampleTask, tasksBody } from "../delivery/payloads";
import { SAMPLE_OPERATIONAL } from "../delivery/operational";
import { checkSource } from "../delivery/sandbox-pool";
import { failureReason, payloadOf, transformRequest } from "../delivery/transform";
import { AppError, badRequest } from "../errors";

/** Throws 400 invalid_transformation with `details: { kind, message, line?, column? }` unless the source is usable. */
export async function checkTransformation(source: string | null | undefined): Promise<void> {
  if (!source) return;
  const f = await checkSource(source);
  if (f) throw new AppError("invalid_transformation", `The transformation cannot be used: ${failureReason(f).replace(/^transformation: /, "")}`, f);
}

const SAMPLE_URL = "https://receiver.example/webhook";

export async function testTransformation(input: TestTransformationInput): Promise<TestTransformationResult> {
  const contentType = CONTENT_TYPE[input.kind];
  let body: string;
  if (input.payload === undefined) {
    body = input.kind === "changes" ? changesBody(SAMPLE_CHANGES) : input.kind === "tasks" ? tasksBody([sampleTask()]) : JSON.stringify(SAMPLE_OPERATIONAL);
  }
  else if (input.kind === "tasks") {
    if (!Array.isArray(input.payload) || !input.payload.every((t) => t && typeof t === "object" && !Array.isArray(t))) {
      throw badRequest("A tasks payload is an array of task objects (one NDJSON line each).", [{ path: ["payload"], message: "an array of objects", code: "invalid_type" }]);
    }
    body = tasksBody(input.payload as Record<string, unknown>[]);
  } else body = JSON.stringify(input.payload);
  const url = input.url?.trim() || SAMPLE_URL;
  const headers = input.headers ?? {};
  const t = await transformRequest(input.transformation, { url, headers, contentType, body });
  const base = {
    durationMs: t.durationMs,
    input: { method: "POST", url, headers: { ...headers, "content-type": contentType }, payload: payloadOf(contentType, body) },
  };
  if (!t.ok) return { ...base, ok: false, cancel: false, request: null, ignoredHeaders: [], error: t.error };
  if (t.cancel) return { ...base, ok: true, cancel: true, request: null, ignoredHeaders: [], error: null };
  return { ...base, ok: true, cancel: false, request: t.request, ignoredHeaders: t.ignoredHeaders, error: null };
}
