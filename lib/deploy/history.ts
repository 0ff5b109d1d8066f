// Deploy history, rollback requests and the diff preview.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, DbHandle } from "../db";
import { audit, SYSTEM_CTX, type AuditCtx } from "../audit/context";
import { deployments, tasks, type Deployment } from "../db/schema";
import type { DeploymentDto } from "../contracts/deployments";
import { badRequest, notFound } from "../errors";
import { commitTask } from "../ingest/commit";
import { findIndex } from "../indexes/indexes";
import { isoDuration } from "../tasks/tasks";
import { applyChanges } from "./apply";
import { changesInCommitOrder, collect } from "./pending";
import { liveDocumentMap } from "../indexes/live-documents";
import { wakeDeploy } from "../db/channels";
import { creatorNames } from "../users/names";

export const ROLLBACK_WINDOW = 10;

function toDto(d: Deployment, live: string | null, restorable: Set<string>, versions: Map<string, number>, names: Map<string, string>): DeploymentDto {
  return {
    ...d,
    createdByName: d.createdBy ? (names.get(d.createdBy) ?? null) : null,
    live: d.id === live,
    canRollback: d.id !== live && restorable.has(d.id),
    rollbackOfVersion: d.rollbackOf ? (versions.get(d.rollbackOf) ?? null) : null,
    startedAt: d.startedAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
    duration: d.finishedAt ? isoDuration(d.finishedAt.getTime() - d.startedAt.getTime()) : null,
  };
}

/** The last ROLLBACK_WINDOW published versions: their artifacts are kept, so they can be restored. */
export async function restorableIds(db: Db, indexId: string): Promise<string[]> {
  const rows = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.indexId, indexId), eq(deployments.status, "succeeded")))
    .orderBy(desc(deployments.version))
    .limit(ROLLBACK_WINDOW);
  return rows.map((r) => r.id);
}

/** Version numbers of the rows and of the versions they roll back to (which may be off the page). */
async function versionsOf(db: Db, rows: Deployment[]): Promise<Map<string, number>> {
  const versions = new Map(rows.map((r) => [r.id, r.version]));
  const missing = [...new Set(rows.map((r) => r.rollbackOf).filter((id): id is string => !!id && !versions.has(id)))];
  if (missing.length) {
    for (const r of await db.select({ id: deployments.id, version: deployments.version }).from(deployments).where(inArray(deployments.id, missing))) {
      versions.set(r.id, r.version);
    }
  }
  return versions;
}

export async function listDeployments(db: Db, indexId: string, limit: number, { keyNames = true } = {}): Promise<DeploymentDto[]> {
  const index = await findIndex(db, indexId);
  const rows = await db.select().from(deployments).where(eq(deployments.indexId, indexId)).orderBy(desc(deployments.version)).limit(limit);
  const restorable = new Set(await restorableIds(db, indexId));
  const versions = await versionsOf(db, rows);
  const names = await creatorNames(db, rows.map((r) => r.createdBy), { keyNames });
  return rows.map((r) => toDto(r, index.liveDeploymentId, restorable, versions, names));
}

export async function getDeployment(db: Db, indexId: string, id: string, { keyNames = true } = {}): Promise<DeploymentDto> {
  const index = await findIndex(db, indexId);
  const [row] = await db.select().from(deployments).where(and(eq(deployments.indexId, indexId), eq(deployments.id, id)));
  if (!row) throw notFound(`No deployment "${id}" of index "${indexId}".`);
  return toDto(row, index.liveDeploymentId, new Set(await restorableIds(db, indexId)), await versionsOf(db, [row]), await creatorNames(db, [row.createdBy], { keyNames }));
}

export async function requestRollback({
  db,
  indexId,
  deploymentId,
  createdBy,
  ctx = SYSTEM_CTX,
}: {
  db: Db;
  indexId: string;
  deploymentId: string;
  createdBy: string;
  ctx?: AuditCtx;
}) {
  const target = await getDeployment(db, indexId, deploymentId);
  if (target.live) throw badRequest(`Version ${target.version} is already live.`, undefined, "already_live");
  if (!target.canRollback) {
    throw badRequest(`Version ${target.version} cannot be restored: only the last ${ROLLBACK_WINDOW} published versions are kept.`, undefined, "not_restorable");
  }
  const accepted = await commitTask(
    db,
    { indexId, type: "rollback", details: { targetDeploymentId: deploymentId, targetVersion: target.version }, createdBy },
    // Recorded when the rollback is requested (the person's act), in the transaction that enqueues it.
    (tx, task) =>
      audit(tx, ctx, {
        action: "deploy.rolled_back",
        target: { type: "index", id: indexId },
        details: { taskUid: task.uid, toDeploymentId: deploymentId, toVersion: target.version },
      }),
  );
  wakeDeploy();
  return accepted;
}

/** What deploying now would do: the pending changes applied to the live documents, not saved. */
export async function previewDiff(h: DbHandle, indexId: string, limit: number) {
  await findIndex(h.db, indexId);
  const live = await liveDocumentMap(h.db, indexId);
  // The queued tasks' changes, read in pages as the deploy reads them (one query for a huge snapshot is too much for PGlite).
  const queued = await h.db
    .select({ uid: tasks.uid })
    .from(tasks)
    .where(and(eq(tasks.indexUid, indexId), inArray(tasks.status, ["enqueued", "processing"])));
  const changes = await collect(changesInCommitOrder(h, queued.map((t) => t.uid)));
  const applied = applyChanges(live, changes);
  return { ...applied.counts, total: applied.docs.size, changes: applied.events.slice(0, limit) };
}

