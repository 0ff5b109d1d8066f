import { initContract } from "@/lib/contracts";
import { assertOriginAllowed, preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";
import { liveDeploymentId } from "@/lib/search/live";

export const dynamic = "force-dynamic";

// What the SDK's OramaClient asks for on start-up; telemetry goes to our discard endpoint.
export const OPTIONS = preflight;

export const GET = withCors(route(initContract, async ({ req, db, principal, params }) => {
  assertOriginAllowed(req, principal);
  assertIndexInScope(principal, params.indexId);
  const deploymentID = await liveDeploymentId(db, params.indexId);
  const collectUrl = new URL(`/api/v1/indexes/${encodeURIComponent(params.indexId)}/collect`, req.url).toString();
  return { deploymentID, index: params.indexId, collectUrl };
}));
