// Outbound HTTP for hooks, TASK_WEBHOOK_URL, the new-user hook and embeddings: checks the URL, then
// connects to the address it checked (a later DNS answer cannot rebind it) and never follows redirects.
import { Agent, request } from "undici";
import type { LookupAddress, LookupOneOptions } from "node:dns";
import { checkUrl, SsrfError } from "./ssrf";

export { checkUrl, SsrfError } from "./ssrf";
export { ownInspectorTarget } from "./own-origin";

export interface SafeRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  connectTimeoutMs?: number;
  timeoutMs?: number;
  allow?: string[];
  /** How much of the answer to keep (default 4 KB, a log line's worth); `truncated` says when there was more. */
  maxResponseBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: Record<string, string>;
  /** The first maxResponseBytes of the body (4 KB by default: receivers' pages are not stored whole). */
  body: string;
  /** The body was longer than maxResponseBytes and was cut. */
  truncated: boolean;
  latencyMs: number;
}

const DEFAULT_MAX_BODY = 4096;
const MAX_AGENTS = 256;
// Keep-alive pools keyed by origin + pinned address: a re-resolved host gets a fresh pool, never a stale socket.
const agents = new Map<string, Agent>();

function pinnedAgent(origin: string, address: string, family: 4 | 6, connectTimeoutMs: number): Agent {
  const key = `${origin}|${address}|${connectTimeoutMs}`;
  const hit = agents.get(key);
  if (hit) return hit;
  if (agents.size >= MAX_AGENTS) {
    const [oldKey, old] = agents.entries().next().value!;
    agents.delete(oldKey);
    void old.close().catch(() => {});
  }
  const agent = new Agent({
    connect: {
      timeout: connectTimeoutMs,
      // Node asks with { all: true } when it happy-eyeballs; answer both shapes with the checked address only.
      lookup: ((_host: string, opts: LookupOneOptions & { all?: boolean }, cb: (...args: unknown[]) => void) => {
        if (opts?.all) cb(null, [{ address, family } satisfies LookupAddress]);
        else cb(null, address, family);
      }) as never,
    },
    // No redirect interceptor is composed: undici returns a 3xx as is, and we never follow it.
    keepAliveTimeout: 10_000,
  });
  agents.set(key, agent);
  return agent;
}

/** A short human reason for a failed request, for attempt logs and API errors. */
export function errorReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  const cause = (err as { cause?: unknown }).cause;
  const base = code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  return cause instanceof Error && !base.includes(cause.message) ? `${base}: ${errorReason(cause)}` : base;
}

/** Reads up to `max` bytes (one more tells that there was more), then drops the connection's rest. */
async function readHead(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > max) break;
  }
  body.destroy();
  return { text: Buffer.concat(chunks).subarray(0, max).toString("utf8"), truncated: size > max };
}

/** Sends one request to a checked URL. Throws SsrfError before connecting, or an Error saying what failed. */
export async function safeRequest(url: string, init: SafeRequestInit = {}): Promise<SafeResponse> {
  const { connectTimeoutMs = 5000, timeoutMs = 15_000 } = init;
  const checked = await checkUrl(url, { allow: init.allow });
  const dispatcher = pinnedAgent(checked.url.origin, checked.address, checked.family, connectTimeoutMs);
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(checked.url, {
      dispatcher,
      method: (init.method ?? "POST").toUpperCase() as "POST",
      headers: init.headers,
      body: init.body,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const { text: body, truncated } = await readHead(res.body, init.maxResponseBytes ?? DEFAULT_MAX_BODY);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    return { status: res.statusCode, headers, body, truncated, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    if (err instanceof SsrfError) throw err;
    const target = `${checked.url.host} (${checked.address})`;
    if (signal.aborted) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${target}`, { cause: err });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "UND_ERR_CONNECT_TIMEOUT") throw new Error(`Connect timeout after ${connectTimeoutMs} ms to ${target}`, { cause: err });
    throw new Error(`Request to ${target} failed: ${errorReason(err)}`, { cause: err });
  }
}
