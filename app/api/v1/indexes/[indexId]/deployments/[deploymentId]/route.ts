import { getDeploymentContract } from "@/lib/contracts";
import { getDeployment } from "@/lib/deploy/history";
import { seesKeyNames } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";

export const dynamic = "force-dynamic";

export const GET = route(getDeploymentContract, async ({ db, principal, params }) => {
  assertIndexInScope(principal, params.indexId);
  return getDeployment(db.db, params.indexId, params.deploymentId, { keyNames: seesKeyNames(principal) });
});
