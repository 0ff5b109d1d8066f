// A crash mid-deploy: the previous version keeps serving, the deploy is retried and contains every
// change. On Postgres: two web processes and a separate worker; killing the worker during a build
// causes zero search errors, and both web processes switch to the new version within a second.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "../testing/postgres";
import { api, freePort, settle, spawnNext, startServer, waitForHealth, type TestServer } from "../testing/server";

const SCHEMA = { title: "string", n: "number" };
const docs = (count: number, word: string) => Array.from({ length: count }, (_, i) => ({ id: `${word}-${i}`, title: `${word} number ${i}`, n: i }));
const found = async (call: ReturnType<typeof api>, id: string, term: string) => {
  const r = await call("POST", `/api/v1/indexes/${id}/search`, { term, limit: 1 });
  if (r.status !== 200) throw new Error(`search answered ${r.status}: ${r.text}`);
  return r.json.count as number;
};

/** Waits until the new version is being made (any phase before the flip). */
async function waitForBuild(call: ReturnType<typeof api>, id: string, version: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [d] = (await call("GET", `/api/v1/indexes/${id}/deployments?limit=1`)).json.results;
    if (d?.version === version && d.status === "building") return d;
    if (d?.version === version) throw new Error(`deploy v${version} finished (${d.status}) before it could be interrupted`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the deploy never started building");
}

const servers: TestServer[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  for (const s of servers) await s.stop();
});

describe("a crash in the middle of a deploy", () => {
  it("leaves the previous version serving; the retried deploy contains every change", async () => {
    const server = await startServer({ DEPLOY_STALE_MS: "1500" });
    servers.push(server);
    const call = api(server);
    await call("POST", "/api/v1/indexes", { id: "crash", name: "crash", schema: SCHEMA });
    await call("POST", "/api/v1/webhooks/crash/snapshot", docs(50, "first"));
    await settle(call, (await call("POST", "/api/v1/webhooks/crash/deploy")).json.taskUid);
    await call("POST", "/api/v1/webhooks/crash/snapshot", docs(20_000, "second"));
    await call("POST", "/api/v1/webhooks/crash/notify", { upsert: [{ id: "extra", title: "second extra", n: -1 }] });
    const deployUid = (await call("POST", "/api/v1/webhooks/crash/deploy")).json.taskUid;
    await waitForBuild(call, "crash", 2);
    await server.crash();
    await server.restart();
    expect(await found(call, "crash", "first")).toBeGreaterThan(0); // the previous version, straight after the restart
    const done = await settle(call, deployUid, 120_000);
    expect(done.status).toBe("succeeded");
    expect(done.details).toMatchObject({ attempts: 1, total: 20_001 });
    expect(await found(call, "crash", "first")).toBe(0);
    expect(await found(call, "crash", "extra")).toBe(1);
    const history = (await call("GET", "/api/v1/indexes/crash/deployments")).json.results;
    expect(history.map((d: { status: string }) => d.status)).toEqual(["succeeded", "failed", "succeeded"]);
  }, 180_000);
});

describe.skipIf(!TEST_DATABASE_URL)("scale-out on Postgres: two web processes and a worker", () => {
  function startWorker(env: Record<string, string>): ChildProcess {
    // `node --import tsx`, not the tsx CLI: the CLI runs the worker in a child, which SIGKILL would miss.
    const child = spawn(process.execPath, ["--import", "tsx", "worker.ts"], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    children.push(child);
    return child;
  }

  it("killing the worker mid-build causes no search errors; both webs switch within a second", async () => {
    const web1 = await startServer({ WORKER: "off", DEPLOY_STALE_MS: "1500" });
    servers.push(web1);
    const port2 = await freePort();
    const web2 = spawnNext(port2, { ...web1.env, WORKER: "off" });
    children.push(web2.child);
    const url2 = `http://127.0.0.1:${port2}`;
    await waitForHealth(url2, web2.child, web2.logs);
    const call1 = api(web1);
    const call2 = api({ ...web1, url: url2 });
    let worker = startWorker(web1.env);

    await call1("POST", "/api/v1/indexes", { id: "scale", name: "scale", schema: SCHEMA });
    await call1("POST", "/api/v1/webhooks/scale/snapshot", docs(50, "first"));
    await settle(call1, (await call1("POST", "/api/v1/webhooks/scale/deploy")).json.taskUid);
    await call1("POST", "/api/v1/webhooks/scale/snapshot", docs(15_000, "second"));
    const deployUid = (await call2("POST", "/api/v1/webhooks/scale/deploy")).json.taskUid;

    // Search both webs continuously while the worker dies mid-build and comes back.
    let errors = 0;
    let searches = 0;
    let stop = false;
    const searching = (async () => {
      while (!stop) {
        for (const c of [call1, call2]) {
          searches++;
          await found(c, "scale", "first").catch(() => errors++);
        }
      }
    })();
    await waitForBuild(call1, "scale", 2);
    worker.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    worker = startWorker(web1.env);
    const done = await settle(call1, deployUid, 120_000);
    const switchedAt = Date.parse(done.finishedAt);
    const seen = await Promise.all(
      [call1, call2].map(async (c) => {
        for (;;) {
          if ((await found(c, "scale", "second")) > 0) return Date.now();
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    stop = true;
    await searching;
    expect(done.status).toBe("succeeded");
    expect(errors).toBe(0);
    expect(searches).toBeGreaterThan(10);
    for (const t of seen) expect(t - switchedAt, `${web1.logs().slice(-600)}\n${web2.logs().slice(-600)}`).toBeLessThan(1000);
    worker.kill("SIGTERM");
  }, 180_000);
});
