// Search parameters from the three wire forms, as plain values: a JSON document, the Orama SDK's
// form-encoded `q=<json>`, and a GET `q` that is either JSON parameters or a plain term. No HTTP: the
// route (and any other server in front of searchLive) reads the body, these turn it into SearchParams.
import { searchParams, type SearchParams } from "../contracts/search";
import { badRequest } from "../errors";
import { parseJsonText } from "../json";
import { invalidSearch } from "./live";
import { issuesFromZod } from "./validate-params";

/** The contract's checks; a failure is 400 invalid_search like the schema checks that follow in searchLive. */
export function parseSearchParams(value: unknown): SearchParams {
  const result = searchParams.safeParse(value);
  if (!result.success) throw invalidSearch(issuesFromZod(result.error));
  return result.data;
}

/** The SDK sends q=<json>&version=…&id=…&visitorId=…: only q matters here. */
export function searchParamsFromForm(form: URLSearchParams): SearchParams {
  const q = form.get("q");
  if (q === null) throw badRequest("Missing the form field q (the JSON search parameters).");
  return parseSearchParams(parseJsonText(q, "q"));
}

/** GET ?q=: JSON parameters when it starts with "{", otherwise the term. */
export function searchParamsFromQ(q: string): SearchParams {
  const trimmed = q.trim();
  return parseSearchParams(trimmed.startsWith("{") ? parseJsonText(trimmed, "q") : { term: q });
}
