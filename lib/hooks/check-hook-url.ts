// Save-time SSRF check of a hook URL. One of this instance's own inspector bins (on an origin from
// configuration, never from the request) is stored as is: the delivery engine sends it over loopback to
// the listening server. Everything else must pass the guard.
import "server-only";
import { checkOutboundUrl } from "../net/check-outbound-url";
import { isOwnInspectorUrl } from "../net/own-origin";

export async function checkHookUrl(url: string): Promise<void> {
  if (isOwnInspectorUrl(url)) return;
  await checkOutboundUrl(url);
}
