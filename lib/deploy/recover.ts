// When a deploy fails or its worker dies, the previous version stays live, the ingestion tasks it had
// taken go back to the queue (so the next deploy contains every change), and the deploy task is
// retried once or failed with the reason.
import { and, eq, inArray, lt, notInArray } from "drizzle-orm";
import type { DbHandle } from "../db";
import { env } from "../env";
import { deploymentArtifacts, deployments, tasks } from "../db/schema";
import { lockIndex } from "../db/lock";
import { recordFinishedTasks } from "../tasks/events";
import { timeoutReason } from "./timeout";

export async function releaseDeploy(h: DbHandle, taskUid: number, reason: string, retry: boolean, code = "deploy_failed"): Promise<void> {
  await h.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.uid, taskUid));
    if (!task || task.status !== "processing") return;
    await lockIndex(tx, task.indexUid);
    const now = new Date();
    const attempts = Number(task.details.attempts ?? 0) + 1;
    await tx
      .update(tasks)
      .set({ status: "enqueued", batchUid: null, startedAt: null })
      .where(and(eq(tasks.batchUid, taskUid), eq(tasks.status, "processing")));
    await tx
      .update(tasks)
      .set(
        retry
          ? { status: "enqueued", startedAt: null, heartbeatAt: null, details: { ...task.details, attempts, lastError: reason } }
          : {
              status: "failed",
              finishedAt: now,
              heartbeatAt: null,
              details: { ...task.details, attempts },
              error: { message: reason, code, type: "internal" },
            },
      )
      .where(eq(tasks.uid, taskUid));
    if (!retry) await recordFinishedTasks(tx, [taskUid]);
    const failed = await tx
      .update(deployments)
      .set({ status: "failed", finishedAt: now, error: reason })
      .where(and(eq(deployments.taskUid, taskUid), eq(deployments.status, "building")))
      .returning({ id: deployments.id });
    if (failed.length) await tx.delete(deploymentArtifacts).where(inArray(deploymentArtifacts.deploymentId, failed.map((d) => d.id)));
  });
}

/**
 * Deploys whose worker went silent (killed, crashed): retried once, then failed. One that had already
 * run for its whole time limit (by its last heartbeat) is failed at once: it would only run out again.
 */
export async function recoverStaleDeploys(h: DbHandle, staleMs: number, ownRunning: number[] = []): Promise<number> {
  const stale = await h.db
    .select({ uid: tasks.uid, details: tasks.details, startedAt: tasks.startedAt, heartbeatAt: tasks.heartbeatAt })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, "processing"),
        inArray(tasks.type, ["deploy", "rollback"]),
        lt(tasks.heartbeatAt, new Date(Date.now() - staleMs)),
        // The caller's own lanes are alive whatever their heartbeat says (and enforce their own limit).
        ownRunning.length ? notInArray(tasks.uid, ownRunning) : undefined,
      ),
    );
  const limit = env().DEPLOY_TIMEOUT_MS;
  for (const t of stale) {
    if (t.startedAt && t.heartbeatAt && t.heartbeatAt.getTime() - t.startedAt.getTime() >= limit) {
      await releaseDeploy(h, t.uid, timeoutReason(limit), false, "deploy_timeout");
      continue;
    }
    const retry = Number(t.details.attempts ?? 0) < 1;
    await releaseDeploy(h, t.uid, "the deploy worker stopped (crash or kill) during the deploy", retry);
  }
  return stale.length;
}
