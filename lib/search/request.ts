// Reading search parameters from the three wire forms: a JSON body, the Orama SDK's form-encoded
// `q=<json>`, and a GET `q` that is either JSON parameters or a plain term.
import { searchParams, type SearchParams } from "../contracts/search";
import { mediaType, parseJsonText, readText } from "../http/body";
import { AppError, badRequest } from "../errors";
import { invalidSearch } from "./live";
import { issuesFromZod } from "./validate-params";

/** The contract's checks; a failure is 400 invalid_search like the schema checks that follow in searchLive. */
function parseSearchParams(value: unknown): SearchParams {
  const result = searchParams.safeParse(value);
  if (!result.success) throw invalidSearch(issuesFromZod(result.error));
  return result.data;
}


export async function paramsFromPost(req: Request, limit: number): Promise<SearchParams> {
  const type = mediaType(req);
  const text = await readText(req, limit);
  if (type === "application/x-www-form-urlencoded") {
    // The SDK sends q=<json>&version=…&id=…&visitorId=…: only q matters here.
    const q = new URLSearchParams(text).get("q");
    if (q === null) throw badRequest("Missing the form field q (the JSON search parameters).");
    return parseSearchParams(parseJsonText(q, "q"));
  }
  if (type && type !== "application/json") {
    throw new AppError("unsupported_media_type", `Send application/json or application/x-www-form-urlencoded, not ${type}.`);
  }
  return parseSearchParams(text.trim() === "" ? {} : parseJsonText(text));
}

export function paramsFromQuery(q: string): SearchParams {
  const trimmed = q.trim();
  const value = trimmed.startsWith("{") ? parseJsonText(trimmed, "q") : { term: q };
  return parseSearchParams(value);
}
