// Parsing JSON text we did not write (request bodies, NDJSON lines, a search `q`): a depth limit, no NUL
// characters, no prototype keys, and clear 400s. Neutral: no HTTP, no server modules, so verbs, lib/http
// and the search server can all use it.
import { AppError, badRequest } from "./errors";

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
