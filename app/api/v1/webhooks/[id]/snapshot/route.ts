import { snapshotContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { route } from "@/lib/http/route";
import { acceptJsonSnapshot, webhookIndex } from "@/lib/ingest/ingest";
import { acceptNdjsonSnapshot } from "@/lib/ingest/snapshot-ndjson";

export const dynamic = "force-dynamic";

// The contract reads the body: a JSON array (SNAPSHOT_MAX_BYTES), or NDJSON as a stream counted
// against NDJSON_MAX_BYTES.
export const POST = route(snapshotContract, async ({ db, principal, params, headers, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  const common = { db: db.db, index, createdBy: actorId(principal), idempotencyKey: headers["idempotency-key"] || undefined };
  if (body.read === "stream") return accepted(await acceptNdjsonSnapshot({ ...common, body: body.stream }));
  return accepted(await acceptJsonSnapshot({ ...common, docs: body.read === "json" ? body.json : undefined }));
});
