import { auditCtx } from "@/lib/audit/context";
import { updateSchemaContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { route } from "@/lib/http/route";
import { updateSchema, webhookIndex } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

// The contract accepts { schema } or the bare schema (Orama's SDK passes what the caller gave) and hands over the schema.
export const POST = route(updateSchemaContract, async ({ req, db, principal, params, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  return accepted(await updateSchema({ db: db.db, index, createdBy: actorId(principal), schema: body, ctx: auditCtx(principal, req) }));
});
