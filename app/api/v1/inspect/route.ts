import { createBinContract } from "@/lib/contracts";
import { requestOrigin } from "@/lib/http/origin";
import { created, route } from "@/lib/http/route";
import { newBinId } from "@/lib/inspector/capture";

export const dynamic = "force-dynamic";

// A bin is only a name: nothing is stored until the first request arrives.
export const POST = route(createBinContract, async ({ req }) => {
  const binId = newBinId();
  return created({ binId, url: `${requestOrigin(req)}/api/v1/inspect/${binId}` });
});
