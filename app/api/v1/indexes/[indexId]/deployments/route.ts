import { listDeploymentsContract } from "@/lib/contracts";
import { listDeployments } from "@/lib/deploy/history";
import { seesKeyNames } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";

export const dynamic = "force-dynamic";

export const GET = route(listDeploymentsContract, async ({ db, principal, params, query }) => {
  assertIndexInScope(principal, params.indexId);
  return { results: await listDeployments(db.db, params.indexId, query.limit, { keyNames: seesKeyNames(principal) }) };
});
