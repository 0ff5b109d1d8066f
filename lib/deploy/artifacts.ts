// Built versions stored in Postgres, in chunks, so any process can load the live version.
import v8 from "node:v8";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { env } from "../env";
import { deploymentArtifacts } from "../db/schema";
import type { Doc } from "./apply";

const CHUNK = 4 * 1024 * 1024;
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export async function writeArtifact(db: DbOrTx, deploymentId: string, kind: "index" | "docs", data: Buffer): Promise<void> {
  for (let i = 0, chunk = 0; i < data.length || chunk === 0; i += CHUNK, chunk++) {
    await db.insert(deploymentArtifacts).values({ deploymentId, kind, chunk, data: data.subarray(i, i + CHUNK) });
  }
}

/** Reads an artifact chunk by chunk: one query for all of it was too big a result for PGlite. */
export async function readArtifact(db: DbOrTx, deploymentId: string, kind: "index" | "docs"): Promise<Buffer | null> {
  const stall = kind === "index" ? env().INDEXHOOK_TEST_LOAD_DELAY_MS : undefined;
  if (stall) await new Promise((r) => setTimeout(r, stall));
  const parts: Buffer[] = [];
  for (let chunk = 0; ; chunk++) {
    const [row] = await db
      .select({ data: deploymentArtifacts.data })
      .from(deploymentArtifacts)
      .where(and(eq(deploymentArtifacts.deploymentId, deploymentId), eq(deploymentArtifacts.kind, kind), eq(deploymentArtifacts.chunk, chunk)));
    if (!row) break;
    parts.push(row.data);
  }
  return parts.length ? Buffer.concat(parts) : null;
}

/** The documents of a version (for rollback), v8-serialised and gzipped off the event loop. */
export async function packDocs(docs: Doc[]): Promise<Buffer> {
  return gzip(v8.serialize(docs), { level: 1 });
}

export async function unpackDocs(data: Buffer): Promise<Doc[]> {
  return v8.deserialize(await gunzip(data)) as Doc[];
}
