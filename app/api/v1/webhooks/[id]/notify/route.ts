import { notifyContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { route } from "@/lib/http/route";
import { acceptNotify, webhookIndex } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

// The contract reads the body (application/json up to NOTIFY_MAX_BYTES) and the Idempotency-Key.
export const POST = route(notifyContract, async ({ db, principal, params, headers, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  return accepted(await acceptNotify({ db: db.db, index, createdBy: actorId(principal), idempotencyKey: headers["idempotency-key"] || undefined, body }));
});
