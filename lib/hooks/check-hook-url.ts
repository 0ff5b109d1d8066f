// Save-time SSRF check of a hook URL. This instance's own inspector URL is stored as is (the delivery
// engine opens exactly its address with inspectorAllowance); everything else must pass checkUrl.
import { badRequest } from "../http/errors";
import { checkUrl, SsrfError } from "../net/ssrf";
import { isInspectorUrl } from "../net/inspector-allowance";

export async function checkHookUrl(url: string, selfOrigin: string): Promise<void> {
  if (isInspectorUrl(url, selfOrigin)) return;
  await checkOutboundUrl(url);
}

/** The save-time SSRF check of any outbound URL (hooks, the new-user policy webhook): 400 ssrf_refused. */
export async function checkOutboundUrl(url: string): Promise<void> {
  try {
    await checkUrl(url);
  } catch (err) {
    if (err instanceof SsrfError) throw badRequest(err.message, { url }, "ssrf_refused");
    throw err;
  }
}
