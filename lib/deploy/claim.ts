// Claiming work for the deploy worker: the oldest enqueued deploy/rollback of an index that has no
// deploy running, taken with SKIP LOCKED so several workers never take the same one, and — under the
// index's lock, so no ingestion commit slips in between — the ingestion tasks it will apply.
import { and, eq, inArray, isNull, lte, max, notInArray, sql } from "drizzle-orm";
import type { Db } from "../db";
import { deployments, tasks, type Task } from "../db/schema";
import { lockIndex } from "../db/lock";
import { newId } from "../ids";

export interface Claim {
  task: Task;
  deploymentId: string;
  version: number;
  /** Ingestion tasks this deploy applies (batchUid = task.uid). */
  batch: number[];
}

/** Indexes passed over in one claim (their deploy started elsewhere meanwhile) before giving up until the next poll. */
const MAX_SKIPPED = 8;

export async function claimNextDeploy(db: Db): Promise<Claim | null> {
  return db.transaction(async (tx) => {
    const skipped: string[] = [];
    let task: Task | undefined;
    while (!task && skipped.length < MAX_SKIPPED) {
      const [next] = await tx
        .select()
        .from(tasks)
        .where(
          and(
            eq(tasks.status, "enqueued"),
            inArray(tasks.type, ["deploy", "rollback"]),
            sql`not exists (select 1 from ${tasks} p where p.index_uid = ${tasks.indexUid}
                and p.type in ('deploy','rollback') and p.status = 'processing')`,
            skipped.length ? notInArray(tasks.indexUid, skipped) : undefined,
          ),
        )
        .orderBy(tasks.uid)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!next) return null;
      await lockIndex(tx, next.indexUid);
      // Re-check under the lock: another worker may have started a deploy of this index meanwhile
      // (then try the next index, so a lost race does not leave a free lane idle until the next poll).
      const [running] = await tx
        .select({ uid: tasks.uid })
        .from(tasks)
        .where(and(eq(tasks.indexUid, next.indexUid), inArray(tasks.type, ["deploy", "rollback"]), eq(tasks.status, "processing")));
      if (running) skipped.push(next.indexUid);
      else task = next;
    }
    if (!task) return null;
    const now = new Date();
    const [claimed] = await tx
      .update(tasks)
      .set({ status: "processing", startedAt: now, heartbeatAt: now })
      .where(eq(tasks.uid, task.uid))
      .returning();
    let batch: number[] = [];
    if (task.type === "deploy") {
      // Every ingestion committed so far, and nothing after: the high-water mark of this deploy.
      const [{ hw }] = await tx
        .select({ hw: max(tasks.commitSeq) })
        .from(tasks)
        .where(and(eq(tasks.indexUid, task.indexUid), eq(tasks.status, "enqueued"), inArray(tasks.type, ["snapshot", "notify"])));
      if (hw !== null) {
        const taken = await tx
          .update(tasks)
          .set({ status: "processing", batchUid: task.uid, startedAt: now })
          .where(
            and(
              eq(tasks.indexUid, task.indexUid),
              eq(tasks.status, "enqueued"),
              inArray(tasks.type, ["snapshot", "notify"]),
              lte(tasks.commitSeq, Number(hw)),
              isNull(tasks.batchUid),
            ),
          )
          .returning({ uid: tasks.uid });
        batch = taken.map((t) => t.uid);
      }
    }
    const [{ v }] = await tx.select({ v: max(deployments.version) }).from(deployments).where(eq(deployments.indexId, task.indexUid));
    const version = (v ?? 0) + 1;
    const deploymentId = newId("dep");
    await tx.insert(deployments).values({
      id: deploymentId,
      indexId: task.indexUid,
      version,
      taskUid: task.uid,
      kind: task.type === "rollback" ? "rollback" : "deploy",
      rollbackOf: (task.details.targetDeploymentId as string | undefined) ?? null,
      status: "building",
      phase: "apply",
      createdBy: task.createdBy,
    });
    return { task: claimed, deploymentId, version, batch };
  });
}
