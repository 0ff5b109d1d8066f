import { snapshotContract } from "@/lib/contracts";
import { env } from "@/lib/env";
import { mediaType, readText } from "@/lib/http/body";
import { AppError, badRequest } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { actorId } from "@/lib/http/scope";
import { accepted, idempotencyKey, webhookIndex } from "@/lib/ingest/http";
import { acceptJsonSnapshot } from "@/lib/ingest/ingest";
import { acceptNdjsonSnapshot } from "@/lib/ingest/snapshot-ndjson";

export const dynamic = "force-dynamic";

const NDJSON = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"]);

export const POST = route(snapshotContract, async ({ req, db, principal, params }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  const type = mediaType(req);
  const common = { db: db.db, index, createdBy: actorId(principal), idempotencyKey: idempotencyKey(req) };
  if (NDJSON.has(type)) {
    if (!req.body) throw badRequest("The request body is empty.", undefined, "invalid_json");
    return accepted(await acceptNdjsonSnapshot({ ...common, body: req.body, limit: env().NDJSON_MAX_BYTES }));
  }
  if (type && type !== "application/json") {
    throw new AppError("unsupported_media_type", `Send application/json (an array) or application/x-ndjson, not ${type}.`);
  }
  return accepted(await acceptJsonSnapshot({ ...common, text: await readText(req, env().SNAPSHOT_MAX_BYTES) }));
});
