// Read-after-deploy: once a deploy's task reads `succeeded`, the next search in every process answers
// from the new version (or waits for its load). On Postgres: two web processes and a separate worker;
// each deploy is requested and polled through one web process and searched through the other at once.
// On PGlite (one process) the same sequence through the one server.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "../testing/postgres";
import { api, freePort, spawnNext, startServer, waitForHealth, type TestServer } from "../testing/server";

const SCHEMA = { title: "string", n: "number" };
const ROUNDS = 4;
// Each round changes one document, so the flip commits at once; reading a version to load it is made
// slow (INDEXHOOK_TEST_LOAD_DELAY_MS: as for a big index), so each process learns of the new version
// well before it has loaded it — the window in which the old code kept answering from the old one.
const LOAD_DELAY = { INDEXHOOK_TEST_LOAD_DELAY_MS: "4000" };
const DOCS = 2_000;
const base = Array.from({ length: DOCS }, (_, i) => ({ id: `d${i}`, title: `base document number ${i}`, n: i }));

type Call = ReturnType<typeof api>;
const count = async (call: Call, term: string) => {
  const r = await call("POST", "/api/v1/indexes/rad/search", { term, limit: 1 });
  if (r.status !== 200) throw new Error(`search answered ${r.status}: ${r.text}`);
  return r.json.count as number;
};

/** Polls the task without a pause worth speaking of: the first read of `succeeded` ends it. */
async function untilSucceeded(call: Call, uid: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const t = (await call("GET", `/api/v1/tasks/${uid}`)).json;
    if (t.status === "succeeded") return;
    if (t.status === "failed" || t.status === "canceled") throw new Error(`deploy ${uid} ${t.status}: ${JSON.stringify(t.error)}`);
    if (Date.now() > deadline) throw new Error(`task ${uid} still ${t.status}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Deploys through `deployVia`, then searches every `searchVia` straight after the task reads succeeded. */
async function rounds(deployVia: Call, searchVia: Call[]) {
  await deployVia("POST", "/api/v1/indexes", { id: "rad", name: "rad", schema: SCHEMA });
  expect((await deployVia("POST", "/api/v1/webhooks/rad/snapshot", base)).status).toBe(202);
  await untilSucceeded(deployVia, (await deployVia("POST", "/api/v1/webhooks/rad/deploy")).json.taskUid);
  // Every process searches the index, so each holds it loaded and has to switch on its own.
  for (const c of searchVia) expect(await count(c, "base")).toBe(DOCS);
  // Searches keep coming meanwhile, as in production: no process goes quiet long enough to look again
  // on its own (the old code re-read the live version after 5 s without searches).
  let searching = true;
  const background = (async () => {
    while (searching) {
      for (const c of searchVia) await count(c, "base");
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const stale: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const word = `w${round}x`;
    expect((await deployVia("POST", "/api/v1/webhooks/rad/notify", { upsert: [{ id: "marker", title: `${word} marker`, n: -round }] })).status).toBe(202);
    await untilSucceeded(deployVia, (await deployVia("POST", "/api/v1/webhooks/rad/deploy")).json.taskUid);
    // All processes at once, then each once more: none may answer from the previous version.
    const seen = await Promise.all(searchVia.map((c) => count(c, word)));
    for (const c of searchVia) seen.push(await count(c, word));
    if (seen.some((n) => n !== 1)) stale.push(`round ${round}: ${seen.join(", ")}`);
  }
  searching = false;
  await background;
  expect(stale, "searches that missed the marker of the version whose task had succeeded (1 = found)").toEqual([]);
}

const servers: TestServer[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  for (const s of servers) await s.stop();
});

describe("read-after-deploy", () => {
  it.skipIf(!!TEST_DATABASE_URL)("one process (PGlite): the search after a succeeded task answers from the new version", async () => {
    const server = await startServer(LOAD_DELAY);
    servers.push(server);
    const call = api(server);
    await rounds(call, [call]);
  }, 300_000);

  it.skipIf(!TEST_DATABASE_URL)("two web processes and a worker (Postgres): deploy through one, search through the other", async () => {
    const web1 = await startServer({ ...LOAD_DELAY, WORKER: "off" });
    servers.push(web1);
    const port2 = await freePort();
    const web2 = spawnNext(port2, { ...web1.env, PORT: String(port2), WORKER: "off" });
    children.push(web2.child);
    const url2 = `http://127.0.0.1:${port2}`;
    await waitForHealth(url2, web2.child, web2.logs);
    // `node --import tsx`, not the tsx CLI: the CLI runs the worker in a child that a kill would miss.
    const worker = spawn(process.execPath, ["--import", "tsx", "worker.ts"], { env: { ...process.env, ...web1.env }, stdio: "ignore" });
    children.push(worker);
    await rounds(api(web1), [api({ ...web1, url: url2 }), api(web1)]);
  }, 300_000);
});
