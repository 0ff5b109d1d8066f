import { snapshotContract } from "@/lib/contracts";
import { actorId } from "@/lib/auth/scope";
import { accepted } from "@/lib/http/accepted";
import { countIngest } from "@/lib/http/ingest-metrics";
import { route } from "@/lib/http/route";
import { acceptJsonSnapshot, webhookIndex } from "@/lib/ingest/ingest";
import { acceptNdjsonSnapshot } from "@/lib/ingest/snapshot-ndjson";

export const dynamic = "force-dynamic";

// The contract reads the body: a JSON array (SNAPSHOT_MAX_BYTES), or NDJSON as a stream counted
// against NDJSON_MAX_BYTES.
export const POST = route(snapshotContract, async ({ req, db, principal, params, headers, body }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  const common = { db: db.db, index, createdBy: actorId(principal), idempotencyKey: headers["idempotency-key"] || undefined };
  const result =
    body.read === "stream"
      ? await acceptNdjsonSnapshot({ ...common, body: body.stream })
      : await acceptJsonSnapshot({ ...common, docs: body.read === "json" ? body.json : undefined });
  countIngest(req, "snapshot", result);
  return accepted(result);
});
