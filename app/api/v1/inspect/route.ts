import { createBinContract } from "@/lib/contracts";
import { requestOrigin } from "@/lib/http/origin";
import { route } from "@/lib/http/route";
import { newBinId } from "@/lib/inspector/capture";
import { inspectorBinUrl } from "@/lib/net/own-origin";

export const dynamic = "force-dynamic";

// A bin is only a name: nothing is stored until the first request arrives. Its URL is on the caller's
// origin only when that is one of ours (configuration decides), so a hook saved with it delivers.
export const POST = route(createBinContract, async ({ req }) => {
  const binId = newBinId();
  return { binId, url: inspectorBinUrl(requestOrigin(req), binId) };
});
