// Deploy lanes on a real database: claims never take two deploys of one index (even when claimed
// concurrently, on Postgres), skip indexes with a deploy running, and the stale-deploy recovery
// fails — instead of retrying — a deploy that had already used up its time limit. The worker loop
// runs another index's deploy beside a stuck one, and hands the stuck one back when it stops.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { deployments, tasks } from "../db/schema";
import { createIndex, findIndex } from "../indexes/indexes";
import { acceptJsonSnapshot, requestDeploy } from "../ingest/ingest";
import { freshDb } from "../testing/db";
import { until } from "../testing/wait";
import { claimNextDeploy } from "./claim";
import { recoverStaleDeploys } from "./recover";
import { TEST_SLOW_BUILD_ID } from "./run-deploy";
import { deployLoop } from "./loop";

// Test-only knob (lib/env.ts accepts it under vitest): a build containing TEST_SLOW_BUILD_ID blocks its thread.
process.env.INDEXHOOK_TEST_BUILD_DELAY_MS = "600000";
process.env.DEPLOY_CONCURRENCY = "2";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

let n = 0;
async function newIndex(): Promise<string> {
  const dto = await createIndex({ db: h.db, input: { id: `lane${++n}`, name: "T", schema: { title: "string" } } });
  return dto.id;
}
async function deploy(indexId: string): Promise<number> {
  return (await requestDeploy({ db: h.db, index: await findIndex(h.db, indexId), createdBy: "master" })).task.uid;
}
const taskOf = async (uid: number) => (await h.db.select().from(tasks).where(eq(tasks.uid, uid)))[0];
/** Finishes every claimed deploy so the next test starts with none running. */
const finishAll = (uids: number[]) =>
  Promise.all(uids.map((uid) => h.db.update(tasks).set({ status: "succeeded", finishedAt: new Date() }).where(eq(tasks.uid, uid))));

describe("claiming deploys", () => {
  it("takes the oldest deploy of each index and skips an index whose deploy is running", async () => {
    const [x, y] = [await newIndex(), await newIndex()];
    const x1 = await deploy(x);
    const x2 = await deploy(x);
    const y1 = await deploy(y);
    const first = await claimNextDeploy(h.db);
    const second = await claimNextDeploy(h.db);
    expect(first?.task.uid).toBe(x1);
    expect(second?.task.uid).toBe(y1); // x2 waits: x has a deploy running
    expect(await claimNextDeploy(h.db)).toBeNull();
    expect((await taskOf(x2)).status).toBe("enqueued");
    await finishAll([x1, y1]);
    expect((await claimNextDeploy(h.db))?.task.uid).toBe(x2);
    await finishAll([x2]);
  });

  it("concurrent claims (several connections on Postgres) each take a different index, none left idle", async () => {
    const [x, y, z] = [await newIndex(), await newIndex(), await newIndex()];
    for (const id of [x, x, x, y, z]) await deploy(id);
    // The three claims race for x's deploys: the losers must go on to y and z, not give up.
    const claims = await Promise.all([claimNextDeploy(h.db), claimNextDeploy(h.db), claimNextDeploy(h.db)]);
    expect(claims.map((c) => c?.task.indexUid).sort()).toEqual([x, y, z]);
    expect(await claimNextDeploy(h.db)).toBeNull();
    await finishAll(claims.map((c) => c!.task.uid));
    await h.db.update(tasks).set({ status: "canceled" }).where(and(eq(tasks.indexUid, x), eq(tasks.status, "enqueued")));
  });
});

describe("recovering deploys of a dead worker", () => {
  it("retries a deploy cut short once, but fails one that had already run for DEPLOY_TIMEOUT_MS", async () => {
    const [short, long] = [await newIndex(), await newIndex()];
    const shortUid = await deploy(short);
    const longUid = await deploy(long);
    const claims = [await claimNextDeploy(h.db), await claimNextDeploy(h.db)];
    expect(claims.map((c) => c?.task.uid)).toEqual([shortUid, longUid]);
    const ago = (ms: number) => new Date(Date.now() - ms);
    // Both went silent two minutes ago; one had been running for 3 minutes, the other for 11.
    await h.db.update(tasks).set({ startedAt: ago(5 * 60_000), heartbeatAt: ago(2 * 60_000) }).where(eq(tasks.uid, shortUid));
    await h.db.update(tasks).set({ startedAt: ago(13 * 60_000), heartbeatAt: ago(2 * 60_000) }).where(eq(tasks.uid, longUid));
    expect(await recoverStaleDeploys(h, 60_000)).toBe(2);
    expect(await taskOf(shortUid)).toMatchObject({ status: "enqueued", details: { attempts: 1 } });
    const failed = await taskOf(longUid);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ code: "deploy_timeout", message: expect.stringContaining("DEPLOY_TIMEOUT_MS (10 min)") });
    const [dep] = await h.db.select().from(deployments).where(eq(deployments.taskUid, longUid));
    expect(dep).toMatchObject({ status: "failed", error: expect.stringContaining("DEPLOY_TIMEOUT_MS") });
  });
});

describe("the deploy worker loop", () => {
  const snapshot = async (indexId: string, docs: { id: string; title: string }[]) =>
    acceptJsonSnapshot({ db: h.db, index: await findIndex(h.db, indexId), createdBy: "master", docs });

  it("deploys another index beside a stuck one, and hands the stuck one back to the queue when it stops", async () => {
    const [a, b] = [await newIndex(), await newIndex()];
    await snapshot(a, [{ id: TEST_SLOW_BUILD_ID, title: "stuck" }]);
    await snapshot(b, [{ id: "1", title: "fine" }]);
    const worker = deployLoop();
    await worker.start(h);
    try {
      const stuck = await deploy(a);
      await until(async () => {
        const [d] = await h.db.select().from(deployments).where(eq(deployments.taskUid, stuck));
        return d?.phase === "build" ? d : undefined;
      }, { what: "a's build started" });
      const beside = await deploy(b);
      await until(async () => (await taskOf(beside)).status === "succeeded", { what: "b's deploy finished" });
      expect((await taskOf(stuck)).status).toBe("processing");
    } finally {
      await worker.stop(); // returns at once: the blocked build thread is terminated, not awaited
    }
    const [handedBack] = await h.db.select().from(tasks).where(and(eq(tasks.indexUid, a), eq(tasks.type, "deploy")));
    expect(handedBack).toMatchObject({ status: "enqueued", details: { attempts: 1, lastError: expect.stringContaining("worker stopped") } });
  });
});
