// One deploy (or rollback): compute the new document set, build and persist the search index, then
// flip the live version in one transaction with the task results and the change list (outbox).
// Until the flip commits, the previous version stays live and nothing of this deploy is visible.
// `signal` (the deploy's time limit) stops it between steps, mid-embeddings and mid-build.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbHandle } from "../db";
import { changeEvents, deploymentArtifacts, deployments, documents, indexes, pendingChanges, tasks } from "../db/schema";
import { env } from "../env";
import { lockIndex } from "../db/lock";
import { recordFinishedTasks } from "../tasks/events";
import { appendingEvents } from "../db/lock";
import { liveDocumentMap } from "../indexes/live-documents";
import { buildArtifact, type EngineDocument } from "../search/engine";
import { attachEmbeddings, embeddingsFingerprint, schemaWithEmbeddings } from "../embeddings/attach";
import { applyChanges, diff, type Applied, type Doc } from "./apply";
import { packDocs, readArtifact, unpackDocs, writeArtifact } from "./artifacts";
import type { Claim } from "./claim";
import { restorableIds } from "./history";
import { deploySignals, LIVE_CHANNEL, PREPARE_CHANNEL } from "../db/channels";
import { changesInCommitOrder, collect, PAGE } from "./pending";

async function targetDocs(h: DbHandle, deploymentId: string): Promise<Map<string, Doc>> {
  const packed = await readArtifact(h.db, deploymentId, "docs");
  if (!packed) throw new Error(`version ${deploymentId} is no longer kept: only the last versions can be restored`);
  return new Map((await unpackDocs(packed)).map((d) => [String(d.id), d]));
}

/** Tests only (INDEXHOOK_TEST_BUILD_DELAY_MS): a build containing this document id stalls its thread. */
export const TEST_SLOW_BUILD_ID = "test-slow-build";

/** Rejects as soon as `signal` aborts; `work` (which also watches the signal) is left to wind down. */
function unlessAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    // Settling twice is a no-op, and `work`'s own rejection is always handled here.
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Runs the deploy to its flip; returns how many documents the new version holds. */
export async function runDeploy(h: DbHandle, claim: Claim, signal?: AbortSignal): Promise<number> {
  const { task, deploymentId } = claim;
  const indexId = task.indexUid;
  const progress = (phase: string, pct: number) =>
    h.db.update(deployments).set({ phase, progress: Math.round(pct) }).where(eq(deployments.id, deploymentId));
  // Several beats per DEPLOY_STALE_MS, so other processes never take a live deploy for a dead one.
  const heartbeat = setInterval(() => {
    void h.db.update(tasks).set({ heartbeatAt: new Date() }).where(eq(tasks.uid, task.uid)).catch(() => {});
  }, Math.min(5000, env().DEPLOY_STALE_MS / 3));
  try {
    const [index] = await h.db.select().from(indexes).where(eq(indexes.id, indexId));
    if (!index) throw new Error(`index ${indexId} was deleted`);
    const live = await liveDocumentMap(h.db, indexId);
    const applied: Applied =
      task.type === "rollback"
        ? diff(live, await targetDocs(h, String(task.details.targetDeploymentId)))
        : applyChanges(live, await collect(changesInCommitOrder(h, claim.batch)));
    const settings = index.embeddings;
    if (settings) {
      signal?.throwIfAborted();
      await progress("embed", 0);
      const reuse = settings.appliedFingerprint === embeddingsFingerprint(settings);
      await unlessAborted(attachEmbeddings(settings, live, applied, reuse, signal), signal);
    }
    const all = [...applied.docs.values()] as EngineDocument[]; // every stored document has a string id
    signal?.throwIfAborted();
    await progress("build", 0);
    let lastPct = 0;
    const stall = env().INDEXHOOK_TEST_BUILD_DELAY_MS;
    const artifact = await buildArtifact(schemaWithEmbeddings(index.schema, settings), all, {
      signal,
      testStallMs: stall && applied.docs.has(TEST_SLOW_BUILD_ID) ? stall : undefined,
      tokenMaxLength: env().TOKEN_MAX_LENGTH,
      onProgress: (p) => {
        const pct = p.phase === "build" ? (p.done / Math.max(p.total, 1)) * 90 : 95;
        if (pct - lastPct >= 5) void progress("build", (lastPct = pct)).catch(() => {});
      },
    });
    signal?.throwIfAborted();
    await progress("persist", 95);
    await writeArtifact(h.db, deploymentId, "index", artifact);
    const packed = await packDocs(all);
    signal?.throwIfAborted();
    await writeArtifact(h.db, deploymentId, "docs", packed);
    signal?.throwIfAborted();
    // Let every process load the new version now, so the flip below switches them at once.
    await h.db.execute(sql`select pg_notify(${PREPARE_CHANNEL}, ${JSON.stringify({ indexId, deploymentId })})`);
    await flip(h, claim, applied, artifact.length, settings ? embeddingsFingerprint(settings) : null, signal);
    await pruneArtifacts(h, indexId);
    return all.length;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Keep artifacts only for the versions that can still be restored (and the live one). */
async function pruneArtifacts(h: DbHandle, indexId: string): Promise<void> {
  const keep = await restorableIds(h.db, indexId);
  const old = await h.db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.indexId, indexId), keep.length ? notInArray(deployments.id, keep) : sql`true`));
  if (old.length) await h.db.delete(deploymentArtifacts).where(inArray(deploymentArtifacts.deploymentId, old.map((d) => d.id)));
}

async function flip(h: DbHandle, claim: Claim, applied: Applied, size: number, fingerprint: string | null, signal?: AbortSignal): Promise<void> {
  const { task, deploymentId, version } = claim;
  const indexId = task.indexUid;
  const details = { ...applied.counts, total: applied.docs.size, deploymentId, version };
  let now = new Date();
  await h.db.transaction(async (tx) => {
    await lockIndex(tx, indexId);
    const [still] = await tx.select({ status: tasks.status }).from(tasks).where(eq(tasks.uid, task.uid));
    if (still?.status !== "processing") throw new Error("the deploy task was taken back (worker presumed dead)");
    // The time limit's last check: once past it, the flip (the last step) commits.
    signal?.throwIfAborted();
    const removed = applied.events.filter((e) => e.type === "delete").map((e) => e.key);
    for (let i = 0; i < removed.length; i += PAGE) {
      await tx.delete(documents).where(and(eq(documents.indexId, indexId), inArray(documents.id, removed.slice(i, i + PAGE))));
    }
    const changed = applied.events.filter((e) => e.type !== "delete").map((e) => ({ indexId, id: e.key, doc: applied.docs.get(e.key)!, updatedAt: now }));
    for (let i = 0; i < changed.length; i += 1000) {
      await tx
        .insert(documents)
        .values(changed.slice(i, i + 1000))
        .onConflictDoUpdate({ target: [documents.indexId, documents.id], set: { doc: sql`excluded.doc`, updatedAt: now } });
    }
    await appendingEvents(tx);
    for (let i = 0; i < applied.events.length; i += 1000) {
      await tx.insert(changeEvents).values(
        applied.events.slice(i, i + 1000).map((e) => ({
          indexId,
          deploymentId,
          type: e.type,
          key: e.key,
          value: e.type === "upsert" ? e.value : null,
          updates: e.type === "update" ? e.updates : null,
        })),
      );
    }
    if (claim.batch.length) await tx.delete(pendingChanges).where(inArray(pendingChanges.taskUid, claim.batch));
    // The bulk writes are done: what follows is quick, so finishedAt is (nearly) the commit time.
    now = new Date();
    await tx.update(indexes).set({ liveDeploymentId: deploymentId, documentCount: applied.docs.size, updatedAt: now }).where(eq(indexes.id, indexId));
    // Record which embeddings settings built the live vectors (unless the settings changed meanwhile).
    await tx.execute(sql`update ${indexes} set embeddings = embeddings || jsonb_build_object('appliedFingerprint', ${fingerprint}::text)
      where id = ${indexId} and embeddings is not null and ${fingerprint}::text is not null`);
    await tx
      .update(deployments)
      .set({ status: "succeeded", phase: "live", progress: 100, finishedAt: now, upserted: applied.counts.upserted, updated: applied.counts.updated, removed: applied.counts.removed, documentCount: applied.docs.size, sizeBytes: size })
      .where(eq(deployments.id, deploymentId));
    await tx.update(tasks).set({ status: "succeeded", finishedAt: now, details: { ...task.details, ...details }, heartbeatAt: null }).where(eq(tasks.uid, task.uid));
    if (claim.batch.length) await tx.update(tasks).set({ status: "succeeded", finishedAt: now }).where(inArray(tasks.uid, claim.batch));
    await recordFinishedTasks(tx, [...claim.batch, task.uid]);
    // Delivered to every listening process when this transaction commits.
    await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ indexId, deploymentId })})`);
  });
  deploySignals.emit("live", { indexId, deploymentId });
}
