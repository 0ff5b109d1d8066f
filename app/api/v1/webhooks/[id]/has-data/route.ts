import { hasDataContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { hasData, webhookIndex } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

export const POST = route(hasDataContract, async ({ db, principal, params }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  return { hasData: await hasData(db.db, index.id) };
});
