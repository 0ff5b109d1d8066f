// The separate worker process (`npm run worker`, Postgres only) serves its own GET /metrics on
// METRICS_PORT: the web server runs with WORKER=off, so the deploy it queues is run, and counted, by
// the worker; the same bearer rules as the web route (401/403 in the error envelope).
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, freePort, MASTER_KEY, settle, startServer, stopProcess, type TestServer } from "../testing/server";
import { TEST_DATABASE_URL } from "../testing/postgres";

const EXIT_WITH_PARENT = path.join(process.cwd(), "lib/testing/exit-with-parent.mjs");

let server: TestServer;
let worker: ChildProcess;
let logs = "";
let metricsUrl = "";

const scrape = (bearer: string | null, pathname = "/metrics") =>
  fetch(metricsUrl + pathname, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }).then(async (r) => ({ status: r.status, type: r.headers.get("content-type"), text: await r.text() }));

describe.skipIf(!TEST_DATABASE_URL)("worker metrics (METRICS_PORT)", () => {
  beforeAll(async () => {
    server = await startServer({ WORKER: "off" });
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}`;
    worker = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, "--import", "tsx", "worker.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: server.databaseUrl!, METRICS_PORT: String(port), METRICS_HOST: "127.0.0.1", INDEXHOOK_MASTER_KEY: MASTER_KEY, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    worker.stdout!.on("data", (d) => (logs += d));
    worker.stderr!.on("data", (d) => (logs += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`worker exited:\n${logs}`);
      const ok = await scrape(null).then(() => true, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`worker metrics never listened:\n${logs}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);
  afterAll(async () => {
    if (worker) await stopProcess(worker);
    await server?.stop();
  });

  it("refuses without a key or with a wrong one (401), a key without the action (403); other paths 404", async () => {
    for (const bearer of [null, "wrong-master-key-0123456789"]) {
      const r = await scrape(bearer);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.text).error.code).toBe("unauthorized");
    }
    const search = (await api(server)("POST", "/api/v1/keys", { name: "search only", actions: ["search"], indexes: ["*"] })).json.key;
    const refused = await scrape(search);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe("forbidden");
    expect((await scrape(MASTER_KEY, "/nope")).status).toBe(404);
  });

  it("answers the worker's own metrics, with the deploys it ran", async () => {
    const call = api(server);
    expect((await call("POST", "/api/v1/indexes", { id: "wm", name: "wm", schema: { title: "string" } })).status).toBe(201);
    expect((await call("POST", "/api/v1/webhooks/wm/notify", { upsert: [{ id: "1", title: "one" }] })).status).toBe(202);
    expect((await settle(call, (await call("POST", "/api/v1/webhooks/wm/deploy")).json.taskUid)).status).toBe("succeeded");
    const key = (await call("POST", "/api/v1/keys", { name: "prometheus", actions: ["metrics"], indexes: ["*"] })).json.key;
    const r = await scrape(key);
    expect(r.status, r.text).toBe(200);
    expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.text).toMatch(/^indexhook_deploys_total\{index="wm",outcome="succeeded",process="worker"\} 1$/m);
    expect(r.text).toMatch(/^indexhook_deploy_documents\{index="wm",process="worker"\} 1$/m);
    expect(r.text).toMatch(/^nodejs_eventloop_lag_seconds\{process="worker"\} /m);
    expect(r.text).toMatch(/^indexhook_task_queue_depth\{status="enqueued",process="worker"\} \d+$/m);
    // The web process ran no deploy.
    const web = await call("GET", "/metrics");
    expect(web.text).not.toMatch(/^indexhook_deploys_total\{/m);
    expect(web.text).toMatch(/^indexhook_ingest_requests_total\{index="wm",kind="notify",process="web"\} 1$/m);
  });
});
