import { auditCtx } from "@/lib/audit/context";
import { deployContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { actorId } from "@/lib/http/scope";
import { accepted, idempotencyKey, webhookIndex } from "@/lib/ingest/http";
import { requestDeploy } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

// The Orama SDK posts no body here (with a JSON content type): nothing to read.
export const POST = route(deployContract, async ({ req, db, principal, params }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  return accepted(await requestDeploy({ db: db.db, index, createdBy: actorId(principal), idempotencyKey: idempotencyKey(req), ctx: auditCtx(principal, req) }));
});
