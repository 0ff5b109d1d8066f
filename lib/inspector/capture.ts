// The request inspector: any well-formed bin id captures (no create step to race), the body is cut
// at 64 KB, each bin keeps its newest 200 requests and captures expire after 7 days, so a public URL
// cannot grow the database without bound.
import "server-only";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { InspectedRequestDto } from "../contracts/inspector";
import type { Db } from "../db";
import { hooks, inspectorRequests } from "../db/schema/hooks";
import { redactCapturedHeaders } from "../hooks/redact";
import { randomBase58 } from "../ids";

export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_PER_BIN = 200;
/** Bins are free to create, so captures also expire: a flood of bins cannot keep growing the database. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function newBinId(): string {
  return `bin_${randomBase58(20)}`;
}

/** What arrived: the method, the headers (lower-case names) and at most the first MAX_BODY_BYTES of the body. */
export interface CapturedInput {
  db: Db;
  binId: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export async function captureRequest({ db, binId, method, headers: received, body: head }: CapturedInput): Promise<void> {
  // The caller's own session cookie is not the sender's business and must not be stored.
  const { cookie: _cookie, ...headers } = received;
  // Postgres text cannot hold U+0000 (a NUL in a captured body answered 500): show it as the NUL symbol ␀.
  const body = head.replaceAll("\0", "\u2400");
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(inspectorRequests).values({ binId, method, headers, body }).returning({ id: inspectorRequests.id });
    // Trim to the newest MAX_PER_BIN: delete everything older than the 200th newest id.
    await tx
      .delete(inspectorRequests)
      .where(
        and(
          eq(inspectorRequests.binId, binId),
          lt(
            inspectorRequests.id,
            sql`coalesce((select id from ${inspectorRequests} where bin_id = ${binId} order by id desc offset ${MAX_PER_BIN - 1} limit 1), 0)`,
          ),
          lt(inspectorRequests.id, row.id),
        ),
      );
    // Sweeping old captures on about one request in fifty keeps the cost off the common path.
    if (Math.random() < 0.02) await tx.delete(inspectorRequests).where(lt(inspectorRequests.at, new Date(Date.now() - MAX_AGE_MS)));
  });
}

export async function listCaptured({ db, binId, after }: { db: Db; binId: string; after?: number }): Promise<InspectedRequestDto[]> {
  const where = after ? and(eq(inspectorRequests.binId, binId), gt(inspectorRequests.id, after)) : eq(inspectorRequests.binId, binId);
  const rows = await db.select().from(inspectorRequests).where(where).orderBy(desc(inspectorRequests.id)).limit(MAX_PER_BIN);
  const known = await knownSecrets(db);
  return rows.map((r) => ({ id: r.id, method: r.method, headers: redactCapturedHeaders(r.headers, known), body: r.body, at: r.at.toISOString() }));
}

/**
 * Every credential value of this instance's hooks (at most 20): a hook aimed at a bin sends its token and
 * custom headers there, and those stay secrets when read back. Values under 8 characters are left out:
 * masking every "1" or "yes" would hide the sender's harmless headers.
 */
async function knownSecrets(db: Db): Promise<Set<string>> {
  const rows = await db.select({ token: hooks.token, secret: hooks.secret, previous: hooks.previousSecret, headers: hooks.headers }).from(hooks);
  const values = rows.flatMap((h) => [h.token, h.secret, h.previous ?? "", ...Object.values(h.headers ?? {})]);
  return new Set(values.map((v) => v.trim()).filter((v) => v.length >= 8));
}
