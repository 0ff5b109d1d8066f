import fs from "node:fs";
import { Readable } from "node:stream";
import { downloadDumpContract } from "@/lib/contracts";
import { reply, route } from "@/lib/http/route";
import { auditCtx } from "@/lib/audit/context";
import { dumpForDownload } from "@/lib/dumps/create";

export const dynamic = "force-dynamic";

// Streamed from DATA_DIR/dumps: a dump of a big instance never sits in memory.
export const GET = route(downloadDumpContract, async ({ req, db, params, principal }) => {
  const { file, size, name } = await dumpForDownload(db, params.uid, auditCtx(principal, req));
  const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return reply(body, { headers: { "content-disposition": `attachment; filename="${name}"`, "content-length": String(size) } });
});
