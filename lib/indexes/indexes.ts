// Index verbs: create, list, get, rename / change schema, delete. No HTTP here.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../db";
import { audit, SYSTEM_CTX, type AuditCtx } from "../audit/context";
import { diffFields } from "../audit/diff";
import { indexes, tasks, type IndexRow } from "../db/schema";
import type { CreateIndexInput, IndexDto } from "../contracts/indexes";
import { flattenSchema, type OramaSchema } from "../contracts/orama-schema";
import type { EmbeddingsSettings } from "../contracts/embeddings";
import { badRequest, conflict, notFound } from "../errors";
import { checkOutboundUrl } from "../net/check-outbound-url";
import { randomBase58 } from "../ids";
import { emptyPending, pendingCounts, type Pending } from "./pending";
import { assertDocumentsFit } from "./schema-change";
import { recordFinishedTasks } from "../tasks/events";

export function toIndexDto(row: IndexRow, pending: Pending = emptyPending()): IndexDto {
  return {
    id: row.id,
    name: row.name,
    schema: row.schema,
    embeddings: row.embeddings ?? null,
    analytics: { storeTerms: row.analytics?.storeTerms !== false },
    liveDeploymentId: row.liveDeploymentId,
    documentCount: row.documentCount,
    pending,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Embedded properties must be strings in the schema; the vector's property must not be in it. */
function checkEmbeddings(schema: OramaSchema, e: EmbeddingsSettings | null | undefined): void {
  if (!e) return;
  const flat = flattenSchema(schema);
  const details = [
    ...e.properties
      .filter((p) => flat[p] !== "string" && flat[p] !== "string[]")
      .map((p) => ({ path: `embeddings.properties`, message: `"${p}" is not a string or string[] property of the schema` })),
    ...(e.targetProperty in schema ? [{ path: "embeddings.targetProperty", message: `"${e.targetProperty}" is already in the schema` }] : []),
  ];
  if (details.length) throw badRequest("Invalid embeddings settings.", details);
}

/** The audited view of an index's configuration. */
const auditView = (r: Pick<IndexRow, "name" | "schema" | "embeddings" | "analytics">) => ({
  name: r.name,
  schema: r.schema,
  embeddings: r.embeddings ?? null,
  analytics: r.analytics,
});

/** The provider URL passes the SSRF guard at save, as a hook URL does (resolved outside any transaction). */
async function checkEmbeddingsUrl(e: EmbeddingsSettings | null | undefined): Promise<void> {
  if (e) await checkOutboundUrl(e.baseUrl, "embeddings.baseUrl");
}

export async function createIndex({ db, input, ctx = SYSTEM_CTX }: { db: Db; input: CreateIndexInput; ctx?: AuditCtx }): Promise<IndexDto> {
  const id = input.id ?? `idx_${randomBase58(12).toLowerCase()}`;
  checkEmbeddings(input.schema, input.embeddings);
  await checkEmbeddingsUrl(input.embeddings);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indexes)
      .values({ id, name: input.name, schema: input.schema, embeddings: input.embeddings ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`An index with id "${id}" already exists.`);
    await audit(tx, ctx, { action: "index.created", target: { type: "index", id }, details: { after: auditView(row) } });
    return row;
  });
  return toIndexDto(row);
}

export async function findIndex(db: DbOrTx, id: string): Promise<IndexRow> {
  const [row] = await db.select().from(indexes).where(eq(indexes.id, id));
  if (!row) throw notFound(`No index "${id}".`);
  return row;
}

export async function getIndex(db: Db, id: string): Promise<IndexDto> {
  const row = await findIndex(db, id);
  return toIndexDto(row, (await pendingCounts(db, [id])).get(id));
}

/** All indexes, or those in `only` (a key's index scope). */
export async function listIndexes(db: Db, only?: string[]): Promise<IndexDto[]> {
  const rows = await db
    .select()
    .from(indexes)
    .where(only ? inArray(indexes.id, only) : undefined)
    .orderBy(indexes.createdAt);
  const pending = await pendingCounts(db, only);
  return rows.map((r) => toIndexDto(r, pending.get(r.id)));
}

export async function updateIndex({
  db,
  id,
  input,
  ctx = SYSTEM_CTX,
  dryRun = false,
}: {
  db: Db;
  id: string;
  input: { name?: string; schema?: OramaSchema; embeddings?: EmbeddingsSettings | null; analytics?: { storeTerms: boolean } };
  ctx?: AuditCtx;
  /** Check everything the change would be refused for, then answer the index as it would be; nothing is saved. */
  dryRun?: boolean;
}): Promise<IndexDto> {
  // Only a new provider URL is checked: renaming an index whose URL the environment since refuses
  // still works (its deploys say why they fail).
  if (input.embeddings) {
    const before = await findIndex(db, id);
    checkEmbeddings(input.schema ?? before.schema, input.embeddings);
    if (input.embeddings.baseUrl !== before.embeddings?.baseUrl) await checkEmbeddingsUrl(input.embeddings);
  }
  if (dryRun) {
    const current = await findIndex(db, id);
    const embeddings = input.embeddings === undefined ? current.embeddings : input.embeddings;
    checkEmbeddings(input.schema ?? current.schema, embeddings);
    if (input.schema) await assertDocumentsFit(db, id, input.schema);
    // The embeddings settings are answered as saved (their secrets are never echoed).
    const now = await getIndex(db, id);
    return { ...now, ...(input.name ? { name: input.name } : {}), ...(input.schema ? { schema: input.schema } : {}) };
  }
  await db.transaction(async (tx) => {
    const current = await findIndex(tx, id);
    const embeddings = input.embeddings === undefined ? current.embeddings : input.embeddings;
    checkEmbeddings(input.schema ?? current.schema, embeddings);
    if (input.schema) await assertDocumentsFit(tx, id, input.schema);
    await tx
      .update(indexes)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.schema ? { schema: input.schema } : {}),
        ...(input.embeddings !== undefined ? { embeddings: input.embeddings } : {}),
        ...(input.analytics ? { analytics: input.analytics } : {}),
        updatedAt: new Date(),
      })
      .where(eq(indexes.id, id));
    await auditIndexChange(tx, ctx, current, "update");
  });
  return getIndex(db, id);
}

/** Deletes the index, its live documents and pending changes; its queued tasks are canceled. */
/**
 * index.updated with before/after of the fields that changed (name, schema, embeddings, analytics), read back in
 * the change's transaction; nothing is written when nothing changed.
 */
export async function auditIndexChange(tx: DbOrTx, ctx: AuditCtx, before: IndexRow, via: string): Promise<void> {
  const after = await findIndex(tx, before.id);
  const { fields, before: b, after: a } = diffFields(auditView(before), auditView(after));
  if (!fields.length) return;
  await audit(tx, ctx, { action: "index.updated", target: { type: "index", id: before.id }, details: { fields, via, before: b, after: a } });
}

export async function deleteIndex({ db, id, ctx = SYSTEM_CTX }: { db: Db; id: string; ctx?: AuditCtx }): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await findIndex(tx, id);
    const canceled = await tx
      .update(tasks)
      .set({ status: "canceled", finishedAt: new Date() })
      .where(and(eq(tasks.indexUid, id), inArray(tasks.status, ["enqueued", "receiving"])))
      .returning({ uid: tasks.uid });
    await recordFinishedTasks(tx, canceled.map((t) => t.uid));
    await tx.delete(indexes).where(eq(indexes.id, id));
    await audit(tx, ctx, {
      action: "index.deleted",
      target: { type: "index", id },
      details: { before: { ...auditView(existing), documentCount: existing.documentCount }, canceledTasks: canceled.map((t) => t.uid) },
    });
  });
}
