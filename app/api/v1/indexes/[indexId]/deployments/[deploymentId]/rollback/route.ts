import { auditCtx } from "@/lib/audit/context";
import { rollbackContract } from "@/lib/contracts";
import { requestRollback } from "@/lib/deploy/history";
import { route } from "@/lib/http/route";
import { actorId, assertIndexInScope } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";

export const dynamic = "force-dynamic";

export const POST = route(rollbackContract, async ({ req, db, principal, params }) => {
  assertIndexInScope(principal, params.indexId);
  return accepted(await requestRollback({ db: db.db, indexId: params.indexId, deploymentId: params.deploymentId, createdBy: actorId(principal), ctx: auditCtx(principal, req) }));
});
