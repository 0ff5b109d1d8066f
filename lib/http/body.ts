// Reading request bodies as their contract says: the one media-type check (415), the size limits
// (413), JSON and form decoding (400), and the validation of params, queries and headers.
import "server-only";
import type { z } from "zod";
import type { MediaSpec, RouteContract } from "../contracts/define";
import { mediaOf } from "../contracts/define";
import { env } from "../env";
import { AppError, badRequest, payloadTooLarge as tooLarge, type CodeFor } from "../errors";
import { parseJsonText } from "../json";

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Reads the whole body as text, refusing (413) past `limit` bytes without buffering more than that. */
export async function readText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function mediaType(req: Request): string {
  return mediaTypeOf(req.headers.get("content-type"));
}

/** A Content-Type header's media type, lower-cased, without parameters ("" when absent). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** The body as the handler of a "raw" contract gets it. */
export type ReadBody =
  | { read: "json"; mediaType: string; json: unknown }
  | { read: "form"; mediaType: string; form: URLSearchParams }
  | { read: "stream"; mediaType: string; stream: ReadableStream<Uint8Array> };

function matches(pattern: string, type: string): boolean {
  if (pattern === "*/*" || pattern === type) return true;
  if (pattern.startsWith("*/*+")) return type.endsWith(pattern.slice(3)); // any type with that suffix (+json)
  if (pattern.endsWith("/*")) return type.startsWith(pattern.slice(0, -1)); // any subtype
  return false;
}

/**
 * The media type a contract accepts for this request, or 415 (the only place that refuses one). No
 * Content-Type counts as the contract's first type.
 */
export function acceptedMedia(c: RouteContract, type: string): { mediaType: string; spec: MediaSpec } {
  const media = mediaOf(c);
  const entries = Object.entries(media);
  if (!type) return { mediaType: entries[0][0], spec: entries[0][1] };
  for (const [name, spec] of entries) {
    if (matches(name, type) || spec.aliases?.some((a) => matches(a, type))) return { mediaType: name, spec };
  }
  throw new AppError("unsupported_media_type", `Send ${entries.map(([name]) => name).join(" or ")}, not ${type}.`, { accepted: entries.map(([name]) => name) });
}

export function limitOf(spec: MediaSpec): number {
  const m = spec.maxBytes ?? DEFAULT_MAX_BODY;
  return typeof m === "number" ? m : env()[m];
}

/**
 * The stream, refused (413) once more than `limit` bytes went through. Lazy: the request body is only
 * locked and read when the consumer reads (a handler that refuses before reading leaves it untouched);
 * cancelling it cancels the request body.
 */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= body.getReader();
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        if (size > limit) {
          controller.error(tooLarge(limit));
          void reader.cancel().catch(() => {});
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => (reader ? reader.cancel(reason) : body.cancel(reason)),
    },
    { highWaterMark: 0 },
  );
}

/** Decodes a body's text as its media spec says (json or form): the same for route() and any other server. */
export function decodeBody(spec: MediaSpec, mediaType: string, text: string): ReadBody {
  if (spec.read === "form") return { read: "form", mediaType, form: new URLSearchParams(text) };
  if (spec.empty !== undefined && text.trim() === "") return { read: "json", mediaType, json: structuredClone(spec.empty) };
  return { read: "json", mediaType, json: parseJsonText(text) };
}

/** Reads the request body as its contract says: media type (415), limit (413), decoding (400). */
export async function readBody(c: RouteContract, req: Request): Promise<ReadBody> {
  const { mediaType: type, spec } = acceptedMedia(c, mediaType(req));
  if (spec.read === "stream") {
    if (!req.body) {
      if (spec.empty === undefined) throw badRequest("The request body is empty.", undefined, "invalid_json");
      return { read: "stream", mediaType: type, stream: new ReadableStream({ start: (c) => c.close() }) };
    }
    if (spec.maxBytes === undefined) return { read: "stream", mediaType: type, stream: req.body };
    const limit = limitOf(spec);
    if (Number(req.headers.get("content-length") ?? NaN) > limit) throw tooLarge(limit);
    return { read: "stream", mediaType: type, stream: limitStream(req.body, limit) };
  }
  return decodeBody(spec, type, await readText(req, limitOf(spec)));
}

/** At most `limit` bytes of a stream as text; the rest is dropped unread (the request inspector). */
export async function readHead(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}

/** zod issues as { path, message, code } with dotted paths, for the error envelope's details. */
export function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message, code: i.code }));
}

/** Path parameters and query strings arrive as strings (`%00` decodes to NUL); bodies were checked when parsed. */
function refuseNul(value: unknown, what: string): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && v.includes("\0")) throw badRequest(`Invalid ${what}: ${k} contains the character U+0000 (NUL).`, [{ path: k, message: "contains U+0000 (NUL)", code: "invalid_string" }]);
    }
  }
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  refuseNul(value, what);
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`Invalid ${what}.`, zodDetails(result.error));
  return result.data;
}

/**
 * Query parameters of a contract that names an error code per parameter (Meilisearch's style): a bad
 * value answers 400 with that parameter's code, an unknown parameter (strict schema) 400 bad_request
 * naming it and the accepted ones, as Meilisearch does.
 */
export function parseQuery<T>(schema: z.ZodType<T>, value: Record<string, string>, codes: Record<string, CodeFor<400>>): T {
  refuseNul(value, "query parameters");
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const unknown = result.error.issues.find((i) => i.code === "unrecognized_keys");
  if (unknown) {
    const names = unknown.keys.map((k) => `\`${k}\``).join(", ");
    const expected = Object.keys(codes).map((k) => `\`${k}\``).join(", ");
    throw badRequest(`Unknown query parameter ${names}: expected one of ${expected}.`, { parameters: unknown.keys, expected: Object.keys(codes) }, "bad_request");
  }
  const [first] = result.error.issues;
  const name = String(first.path[0] ?? "");
  const code = codes[name] ?? "invalid_request";
  throw badRequest(`Invalid value in parameter \`${name}\`: ${first.message}`, zodDetails(result.error), code);
}
