// Reading request bodies with a size cap, a content-type check and clear 400/413/415 errors.
import type { z } from "zod";
import { AppError, badRequest, type CodeFor } from "../errors";

export const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is larger than the limit of ${limit} bytes.`, { limit });

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
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * How deeply arrays and objects may nest in any JSON we parse (bodies, NDJSON lines, `q`): serde_json's
 * default, so what Meilisearch accepts is accepted here. Deeper input is refused before JSON.parse, so no
 * recursive code downstream (the reviver below, zod, validation, the build) ever sees it.
 */
export const MAX_JSON_DEPTH = 128;

export const tooDeep = (limit: number, what = "The request body") =>
  new AppError("json_too_deep", `${what} nests arrays and objects more than ${limit} levels deep.`, { limit });

/** Throws 400 json_too_deep when `text` nests deeper than `limit`: one linear pass, no recursion. */
export function checkJsonDepth(text: string, limit = MAX_JSON_DEPTH, what?: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) throw tooDeep(limit, what);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * U+0000 in a string: Postgres cannot store it in text or jsonb (it answered 500 for a NUL in an id,
 * a name or a document). Refused at the edge, in bodies, path parameters and query strings alike.
 */
export class NulCharacterError extends SyntaxError {
  constructor(readonly where: string) {
    super(`${where} contains the character U+0000 (NUL), which is not accepted in strings.`);
  }
}

/**
 * JSON.parse that refuses nesting past MAX_JSON_DEPTH (400 json_too_deep) and NUL characters, and drops
 * __proto__ / constructor / prototype keys so nothing downstream is polluted.
 */
export function safeJsonParse(text: string, what?: string): unknown {
  checkJsonDepth(text, MAX_JSON_DEPTH, what);
  return JSON.parse(text, (key, value) => {
    if (key.includes("\0") || (typeof value === "string" && value.includes("\0"))) throw new NulCharacterError(`The value of "${key.replace(/\0/g, "\\0")}"`);
    return key === "__proto__" || key === "constructor" || key === "prototype" ? undefined : value;
  });
}

/** Parses JSON text for `what` ("The request body", "q" …): 400 invalid_json when empty or malformed. */
export function parseJsonText(text: string, what = "The request body"): unknown {
  if (text.trim() === "") throw badRequest(`${what} is empty: send a JSON document.`, undefined, "invalid_json");
  try {
    return safeJsonParse(text, what);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof NulCharacterError) throw badRequest(`${what} is not accepted: ${err.message}`, { character: "U+0000" });
    throw badRequest(`${what} is not valid JSON: ${(err as Error).message}`, undefined, "invalid_json");
  }
}

export async function readJson(req: Request, limit: number): Promise<unknown> {
  const type = mediaType(req);
  if (type && type !== "application/json" && !type.endsWith("+json")) {
    throw new AppError("unsupported_media_type", `Expected Content-Type application/json, got ${type}.`);
  }
  return parseJsonText(await readText(req, limit));
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
