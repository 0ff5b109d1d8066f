import { collectContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Search analytics are not collected: accept and drop, so the SDK's telemetry never errors.
export const POST = route(collectContract, async () => new Response(null, { status: 204 }));
