import { notifyContract } from "@/lib/contracts";
import { env } from "@/lib/env";
import { mediaType, readText } from "@/lib/http/body";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { actorId } from "@/lib/http/scope";
import { accepted, idempotencyKey, webhookIndex } from "@/lib/ingest/http";
import { acceptNotify } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

export const POST = route(notifyContract, async ({ req, db, principal, params }) => {
  const index = await webhookIndex(db.db, principal, params.indexId);
  const type = mediaType(req);
  if (type && type !== "application/json") {
    throw new AppError("unsupported_media_type", `Send application/json, not ${type}.`);
  }
  const text = await readText(req, env().NOTIFY_MAX_BYTES);
  return accepted(await acceptNotify({ db: db.db, index, createdBy: actorId(principal), idempotencyKey: idempotencyKey(req), text }));
});
