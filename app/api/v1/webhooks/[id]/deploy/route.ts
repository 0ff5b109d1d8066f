import { auditCtx } from "@/lib/audit/context";
import { deployContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { route } from "@/lib/http/route";
import { requestDeploy, webhookIndex } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

// The Orama SDK posts no body here (with a JSON content type): nothing to read.
export const POST = route(deployContract, async ({ req, db, principal, params, headers }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  return accepted(await requestDeploy({ db: db.db, index, createdBy: actorId(principal), idempotencyKey: headers["idempotency-key"] || undefined, ctx: auditCtx(principal, req) }));
});
