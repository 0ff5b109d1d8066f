// Reads the live documents of an index page by page (keyset on id: constant cost per page), for the
// deploy, the diff preview and schema checks.
import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { documents } from "../db/schema";

export type LiveDoc = { id: string; doc: Record<string, unknown> };

const PAGE = 5000;

export async function* liveDocumentPages(db: DbOrTx, indexId: string): AsyncGenerator<LiveDoc[]> {
  for (let after: string | null = null; ; ) {
    const rows: LiveDoc[] = await db
      .select({ id: documents.id, doc: documents.doc })
      .from(documents)
      .where(after === null ? eq(documents.indexId, indexId) : and(eq(documents.indexId, indexId), gt(documents.id, after)))
      .orderBy(asc(documents.id))
      .limit(PAGE);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** All live documents of an index, by id. */
export async function liveDocumentMap(db: DbOrTx, indexId: string): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for await (const page of liveDocumentPages(db, indexId)) for (const r of page) out.set(r.id, r.doc);
  return out;
}
