// Calls an OpenAI-compatible embeddings API (POST {baseUrl}/embeddings) in batches through the SSRF
// guard (lib/net), checking the answer's shape and dimensions so a bad provider fails the deploy with a
// clear reason. A provider's answer is summarised, never echoed: its status, and at most a short,
// sanitised `error.message` when it sends the OpenAI error shape.
import type { EmbeddingsSettings } from "../contracts/embeddings";
import { secretFromEnv } from "../env";
import { errorReason, safeRequest, SsrfError } from "../net/outbound";

export class EmbeddingsError extends Error {}

const BATCH = 64;
const TIMEOUT_MS = 30_000;
/** 64 vectors of 4,096 floats as JSON text are about 6 MB. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const MAX_REASON_CHARS = 100;

type Answer = { data?: { index?: number; embedding?: unknown }[] };

/** An OpenAI-style `{"error":{"message":…}}` reason, on one line, printable characters only, cut short. */
export function providerReason(body: string): string | null {
  let message: unknown;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    message = typeof parsed?.error === "string" ? parsed.error : (parsed?.error?.message ?? parsed?.message);
  } catch {
    return null;
  }
  if (typeof message !== "string") return null;
  const clean = message.replace(/[^\x20-\x7E\u00A0-\uFFFF]+/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return null;
  return clean.length > MAX_REASON_CHARS ? `${clean.slice(0, MAX_REASON_CHARS - 1)}…` : clean;
}

async function embedBatch(s: EmbeddingsSettings, input: string[]): Promise<number[][]> {
  const key = s.apiKeyEnv ? secretFromEnv(s.apiKeyEnv) : undefined;
  if (s.apiKeyEnv && !key) throw new EmbeddingsError(`the environment variable ${s.apiKeyEnv} (embeddings API key) is not set`);
  let res;
  try {
    res = await safeRequest(`${s.baseUrl.replace(/\/$/, "")}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ model: s.model, input, dimensions: s.dimensions, encoding_format: "float" }),
      timeoutMs: TIMEOUT_MS,
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
  } catch (err) {
    if (err instanceof SsrfError) throw new EmbeddingsError(`embeddings provider refused by the SSRF guard: ${err.message}`);
    throw new EmbeddingsError(`embeddings provider unreachable: ${errorReason(err)}`);
  }
  if (res.status < 200 || res.status >= 300) {
    const reason = providerReason(res.body);
    throw new EmbeddingsError(`embeddings provider answered HTTP ${res.status}${reason ? `: ${reason}` : ""}`);
  }
  if (res.truncated) throw new EmbeddingsError(`embeddings provider answered more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB for ${input.length} inputs`);
  let body: Answer;
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new EmbeddingsError("embeddings provider answered with invalid JSON");
  }
  const out: number[][] = [];
  for (const [i, item] of (Array.isArray(body?.data) ? body.data : []).entries()) {
    const v = item?.embedding;
    if (!Array.isArray(v) || v.length !== s.dimensions || !v.every((x) => typeof x === "number")) {
      throw new EmbeddingsError(`embeddings provider returned a vector that is not ${s.dimensions} numbers`);
    }
    const at = Number.isInteger(item.index) && item.index! >= 0 && item.index! < input.length ? item.index! : i;
    out[at] = v as number[];
  }
  if (out.length !== input.length || out.some((v) => !v)) {
    throw new EmbeddingsError(`embeddings provider returned ${out.length} vectors for ${input.length} inputs`);
  }
  return out;
}

/** `signal` (the deploy's time limit) stops before the next batch; a request in flight is abandoned by the caller. */
export async function embedTexts(s: EmbeddingsSettings, texts: string[], signal?: AbortSignal): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    signal?.throwIfAborted();
    out.push(...(await embedBatch(s, texts.slice(i, i + BATCH))));
  }
  return out;
}
