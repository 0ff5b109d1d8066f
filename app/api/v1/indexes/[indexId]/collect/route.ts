import { collectContract } from "@/lib/contracts";
import { preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Search analytics are not collected: accept and drop, so the SDK's telemetry never errors.
export const OPTIONS = preflight;
export const POST = withCors(route(collectContract, async () => null));
