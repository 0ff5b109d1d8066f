import { notifyContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { countIngest } from "@/lib/http/ingest-metrics";
import { route } from "@/lib/http/route";
import { acceptNotify, webhookIndex } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

// The contract reads the body (application/json up to NOTIFY_MAX_BYTES) and the Idempotency-Key.
export const POST = route(notifyContract, async ({ req, db, principal, params, headers, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  const result = await acceptNotify({ db: db.db, index, createdBy: actorId(principal), idempotencyKey: headers["idempotency-key"] || undefined, body });
  countIngest(req, "notify", result);
  return accepted(result);
});
