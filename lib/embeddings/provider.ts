// Calls an OpenAI-compatible embeddings API (POST {baseUrl}/embeddings) in batches, checking the
// answer's shape and dimensions so a bad provider fails the deploy with a clear reason.
import type { EmbeddingsSettings } from "../contracts/embeddings";
import { secretFromEnv } from "../env";

export class EmbeddingsError extends Error {}

const BATCH = 64;
const TIMEOUT_MS = 30_000;

type Answer = { data?: { index?: number; embedding?: unknown }[] };

async function embedBatch(s: EmbeddingsSettings, input: string[]): Promise<number[][]> {
  const key = s.apiKeyEnv ? secretFromEnv(s.apiKeyEnv) : undefined;
  if (s.apiKeyEnv && !key) throw new EmbeddingsError(`the environment variable ${s.apiKeyEnv} (embeddings API key) is not set`);
  let res: Response;
  try {
    res = await fetch(`${s.baseUrl.replace(/\/$/, "")}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ model: s.model, input, dimensions: s.dimensions, encoding_format: "float" }),
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new EmbeddingsError(`embeddings provider unreachable: ${(err as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new EmbeddingsError(`embeddings provider answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  let body: Answer;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EmbeddingsError("embeddings provider answered with invalid JSON");
  }
  const out: number[][] = [];
  for (const [i, item] of (body.data ?? []).entries()) {
    const v = item.embedding;
    if (!Array.isArray(v) || v.length !== s.dimensions || !v.every((x) => typeof x === "number")) {
      throw new EmbeddingsError(`embeddings provider returned a vector that is not ${s.dimensions} numbers`);
    }
    out[item.index ?? i] = v as number[];
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
