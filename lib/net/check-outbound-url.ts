// The save-time SSRF check of any outbound URL a person configures (hooks, the new-user policy webhook,
// an index's embeddings provider): the same guard as at send time, answered as 400 ssrf_refused.
import { badRequest } from "../errors";
import { checkUrl, SsrfError } from "./ssrf";

/** `path` names the field in the error's details when it is not a top-level `url`. */
export async function checkOutboundUrl(url: string, path?: string): Promise<void> {
  try {
    await checkUrl(url);
  } catch (err) {
    if (err instanceof SsrfError) throw badRequest(err.message, path ? { path, url } : { url }, "ssrf_refused");
    throw err;
  }
}
