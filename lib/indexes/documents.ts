// Browsing the live documents of an index.
import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { documents } from "../db/schema";
import { findIndex } from "./indexes";

// Ids are strings, but people number their documents: all-digit ids come first in numeric order (1, 2, 10,
// 100 — by length, then by text, which is numeric order for digit strings of any length and never overflows),
// then every other id in text order.
const numeric = sql`${documents.id} ~ '^[0-9]+$'`;
const ORDER = [sql`${numeric} desc`, sql`case when ${numeric} then length(${documents.id}) end`, documents.id];

export async function listDocuments(db: Db, indexId: string, { limit, offset }: { limit: number; offset: number }) {
  await findIndex(db, indexId);
  const [rows, [total]] = await Promise.all([
    db.select({ doc: documents.doc }).from(documents).where(eq(documents.indexId, indexId)).orderBy(...ORDER).limit(limit).offset(offset),
    db.select({ n: count() }).from(documents).where(eq(documents.indexId, indexId)),
  ]);
  return { results: rows.map((r) => r.doc), total: Number(total.n), limit, offset };
}
