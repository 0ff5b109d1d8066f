// Deploy lanes over real HTTP: a stuck deploy of one index (its build thread blocked, as by a huge
// document) does not hold up another index's deploy; it is stopped at DEPLOY_TIMEOUT_MS with the
// reason, the previous version keeps answering, and the index's next deploy succeeds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

// Test-only knob (refused outside vitest): a build containing the document `test-slow-build`
// blocks its thread for 10 minutes — only the time limit can end it.
const TIMEOUT_MS = 8000;
let server: TestServer;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startServer({ DEPLOY_TIMEOUT_MS: String(TIMEOUT_MS), DEPLOY_CONCURRENCY: "2", INDEXHOOK_TEST_BUILD_DELAY_MS: "600000" });
  call = api(server);
});
afterAll(async () => server?.stop());

const SCHEMA = { title: "string" };
const deployTask = async (id: string) => (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json.taskUid as number;
const task = async (uid: number) => (await call("GET", `/api/v1/tasks/${uid}`)).json;
const count = async (id: string, term: string) => {
  const r = await call("POST", `/api/v1/indexes/${id}/search`, { term });
  expect(r.status, r.text).toBe(200);
  return r.json.count as number;
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms\n${server.logs().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("deploy lanes", () => {
  it("a stuck deploy of A neither delays B nor outlives DEPLOY_TIMEOUT_MS; A's previous version stays live", async () => {
    for (const id of ["lane-a", "lane-b"]) expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: SCHEMA })).status).toBe(201);
    await call("POST", "/api/v1/webhooks/lane-a/snapshot", [{ id: "1", title: "alpha first" }]);
    expect((await settle(call, await deployTask("lane-a"))).status).toBe("succeeded");

    // A's next deploy carries the document that stalls its build thread.
    await call("POST", "/api/v1/webhooks/lane-a/notify", { upsert: [{ id: "test-slow-build", title: "alpha stuck" }] });
    const stuck = await deployTask("lane-a");
    await waitFor("A's v2 building", async () => {
      const [d] = (await call("GET", "/api/v1/indexes/lane-a/deployments?limit=1")).json.results;
      return d?.version === 2 && d.phase === "build" ? d : undefined;
    });
    // Queued behind A's running deploy (one per index): the fix that removes the stuck document.
    await call("POST", "/api/v1/webhooks/lane-a/notify", { remove: ["test-slow-build"] });
    const next = await deployTask("lane-a");

    // B deploys in the other lane while A's thread is blocked.
    await call("POST", "/api/v1/webhooks/lane-b/snapshot", [{ id: "b1", title: "bravo" }]);
    const b = await settle(call, await deployTask("lane-b"));
    expect(b.status).toBe("succeeded");
    expect((await task(stuck)).status).toBe("processing");
    expect((await task(next)).status).toBe("enqueued");
    expect(await count("lane-b", "bravo")).toBe(1);
    expect(await count("lane-a", "alpha")).toBe(1); // v1 answers meanwhile

    // The time limit stops A's deploy with the reason; nothing of it is visible.
    const failed = await settle(call, stuck, TIMEOUT_MS + 30_000);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ code: "deploy_timeout", message: expect.stringContaining(`DEPLOY_TIMEOUT_MS (${TIMEOUT_MS / 1000} s)`) });
    expect(await count("lane-a", "stuck")).toBe(0);
    expect(await count("lane-a", "first")).toBe(1);
    const history = (await call("GET", "/api/v1/indexes/lane-a/deployments")).json.results;
    expect(history.find((d: { version: number }) => d.version === 2)).toMatchObject({ status: "failed", live: false, error: expect.stringContaining("DEPLOY_TIMEOUT_MS") });

    // The queued deploy of A now runs: it applies the changes the stopped deploy gave back, plus the removal.
    const done = await settle(call, next, 30_000);
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    expect(done.details).toMatchObject({ version: 3, total: 1 });
    expect(await count("lane-a", "first")).toBe(1);
    expect(await count("lane-a", "stuck")).toBe(0);
  }, 120_000);
});
