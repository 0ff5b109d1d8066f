import { auditCtx } from "@/lib/audit/context";
import { updateSchemaContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { actorId } from "@/lib/http/scope";
import { accepted, webhookIndex } from "@/lib/ingest/http";
import { updateSchema } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

export const POST = route(updateSchemaContract, async ({ req, db, principal, params, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  // Orama's SDK passes what the caller gave: accept { schema } or the bare schema.
  const schema = "schema" in body && typeof body.schema === "object" && body.schema !== null ? body.schema : body;
  return accepted(await updateSchema({ db: db.db, index, createdBy: actorId(principal), schema: schema as never, ctx: auditCtx(principal, req) }));
});
