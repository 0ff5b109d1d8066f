// A hook's transformation applied to one request: the event as `{ method, url, headers, payload }` in,
// the request to send (or a cancel) out. Runs at every attempt, so fixing a broken transformation
// fixes the retries of the deliveries it failed. Pure apart from the sandbox call; no I/O.
import type { SandboxFailure } from "./sandbox";
import { runTransformation } from "./sandbox-pool";

export type WebhookInput = { method: string; url: string; headers: Record<string, string>; payload: unknown };
export type OutgoingRequest = { method: string; url: string; headers: Record<string, string>; contentType: string; body: string };
export type TransformOutcome =
  | { ok: true; cancel: true; durationMs: number }
  | { ok: true; cancel: false; request: OutgoingRequest; ignoredHeaders: string[]; durationMs: number }
  | { ok: false; error: SandboxFailure; durationMs: number };

/** Methods a transformation may choose (the receiver's API may want PUT or PATCH). */
export const TRANSFORM_METHODS = ["POST", "PUT", "PATCH"] as const;
/** The largest body a transformation may produce (4× a batch's 1 MiB). */
export const TRANSFORM_MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * Headers a transformation cannot set: the Standard Webhooks trio is ours (the signature is computed
 * over the body actually sent), the token is the receiver's shared secret, and the framing headers are
 * the HTTP client's. Content-Type is allowed: a transformation that reshapes the body may retype it.
 */
export const TRANSFORM_RESERVED_HEADERS = new Set([
  "webhook-id", "webhook-timestamp", "webhook-signature", "x-indexhook-token", "user-agent",
  "content-length", "host", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect", "te", "trailer",
]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const NDJSON = "application/x-ndjson";

/** The body as the transformation sees it: JSON as is; NDJSON (task hooks) as the array of its lines. */
export function payloadOf(contentType: string, body: string): unknown {
  if (contentType.startsWith(NDJSON)) return body.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  return JSON.parse(body);
}

/**
 * The body to send for a returned payload: a string is sent as is (text/plain unless the headers say
 * otherwise); for a task hook (NDJSON in) an array goes back out as NDJSON, one line per item; any other
 * value is JSON.
 */
function serialise(payload: unknown, inputContentType: string): { body: string; contentType: string } {
  if (typeof payload === "string") return { body: payload, contentType: "text/plain; charset=utf-8" };
  if (inputContentType.startsWith(NDJSON) && Array.isArray(payload)) return { body: payload.map((p) => JSON.stringify(p)).join("\n") + (payload.length ? "\n" : ""), contentType: NDJSON };
  return { body: JSON.stringify(payload), contentType: "application/json" };
}

const bad = (message: string, durationMs: number): TransformOutcome => ({ ok: false, error: { kind: "result", message: `bad return: ${message}` }, durationMs });

/**
 * Runs `source` on the request the hook would send. `headers` are the hook's custom headers (what will
 * be sent besides ours); the content type is offered among them as `content-type`.
 */
export async function transformRequest(source: string, req: { url: string; headers: Record<string, string>; contentType: string; body: string }): Promise<TransformOutcome> {
  let payload: unknown;
  try {
    payload = payloadOf(req.contentType, req.body);
  } catch {
    return { ok: false, error: { kind: "result", message: "the event body is not JSON" }, durationMs: 0 };
  }
  const input: WebhookInput = { method: "POST", url: req.url, headers: { ...req.headers, "content-type": req.contentType }, payload };
  const run = await runTransformation(source, input);
  if (!run.ok) return run;
  return interpret(run.value, input, req.contentType, run.durationMs);
}

/** Checks what handler returned; fields it left out keep their value. */
export function interpret(value: unknown, input: WebhookInput, inputContentType: string, durationMs: number): TransformOutcome {
  if (!value || typeof value !== "object" || Array.isArray(value)) return bad("handler must return the webhook object (or { cancel: true })", durationMs);
  const out = value as Record<string, unknown>;
  if (out.cancel === true) return { ok: true, cancel: true, durationMs };
  const method = out.method === undefined ? input.method : out.method;
  if (typeof method !== "string" || !(TRANSFORM_METHODS as readonly string[]).includes(method.toUpperCase())) return bad(`method must be one of ${TRANSFORM_METHODS.join(", ")}`, durationMs);
  const url = out.url === undefined ? input.url : out.url;
  if (typeof url !== "string" || !isHttpUrl(url)) return bad("url must be an absolute http(s) URL", durationMs);
  const headersIn = out.headers === undefined ? input.headers : out.headers;
  if (!headersIn || typeof headersIn !== "object" || Array.isArray(headersIn)) return bad("headers must be an object of strings", durationMs);
  const entries = Object.entries(headersIn as Record<string, unknown>);
  if (entries.length > 50) return bad("at most 50 headers", durationMs);
  const headers: Record<string, string> = {};
  const ignoredHeaders: string[] = [];
  let contentType: string | undefined;
  for (const [name, v] of entries) {
    if (!HEADER_NAME.test(name)) return bad(`"${name.slice(0, 100)}" is not a valid header name`, durationMs);
    if (typeof v !== "string" || /[\r\n\0]/.test(v) || v.length > 4000) return bad(`header ${name} must be a string of at most 4000 characters without line breaks`, durationMs);
    const lower = name.toLowerCase();
    if (lower === "content-type") contentType = v;
    else if (TRANSFORM_RESERVED_HEADERS.has(lower)) ignoredHeaders.push(name);
    else headers[name] = v;
  }
  const { body, contentType: defaultType } = out.payload === undefined ? serialise(input.payload, inputContentType) : serialise(out.payload, inputContentType);
  if (Buffer.byteLength(body) > TRANSFORM_MAX_BODY_BYTES) return bad(`the body is larger than ${TRANSFORM_MAX_BODY_BYTES / 1024 / 1024} MB`, durationMs);
  // An unchanged content-type header follows the body's shape (a task array turned into an object is JSON).
  const type = contentType === undefined || contentType === input.headers["content-type"] ? defaultType : contentType;
  return { ok: true, cancel: false, request: { method: method.toUpperCase(), url, headers, contentType: type, body }, ignoredHeaders, durationMs };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && s.length <= 2000;
  } catch {
    return false;
  }
}

/** One line for the delivery log: "transformation: TypeError: … (line 3, column 10)". */
export function failureReason(f: SandboxFailure): string {
  const at = f.line ? ` (line ${f.line}${f.column ? `, column ${f.column}` : ""})` : "";
  return `transformation: ${f.message}${at}`;
}
