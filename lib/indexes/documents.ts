// Browsing the live documents of an index.
import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "../db";
import { documents } from "../db/schema";
import { findIndex } from "./indexes";

export async function listDocuments(db: Db, indexId: string, { limit, offset }: { limit: number; offset: number }) {
  await findIndex(db, indexId);
  const [rows, [total]] = await Promise.all([
    db.select({ doc: documents.doc }).from(documents).where(eq(documents.indexId, indexId)).orderBy(documents.id).limit(limit).offset(offset),
    db.select({ n: count() }).from(documents).where(eq(documents.indexId, indexId)),
  ]);
  return { results: rows.map((r) => r.doc), total: Number(total.n), limit, offset };
}
