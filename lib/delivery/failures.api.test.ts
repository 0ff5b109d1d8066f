// Failures and the deliveries API: 3xx is a failure (never followed), 410 pauses the hook, Retry-After
// is honoured; task hooks get NDJSON; list, detail, replay, test event, metrics and their auth.
import { afterAll, describe, expect, it } from "vitest";
import { startReceiver } from "../testing/receiver";
import { describeKeyMatrix } from "../testing/key-matrix";
import { DELIVERY_ENV, serverSuite } from "../testing/fixture";
import { until } from "../testing/wait";

const taskRx = startReceiver();
const suite = serverSuite(async () => ({ ...DELIVERY_ENV, TASK_WEBHOOK_URL: `${(await taskRx).url}/tasks` }), { prefix: "fl" });
const { call, hooks, newIndex, receiver, change } = suite;
afterAll(async () => (await taskRx).close());

async function deliveriesOf(uuid: string, query = "") {
  const r = await call("GET", `/api/v1/hooks/${uuid}/deliveries${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json.results as { id: string; status: string }[];
}
describe("failures", () => {
  it("a 302 is a failure and is not followed; retries keep the webhook-id until a 2xx", async () => {
    const id = await newIndex();
    const target = await receiver();
    const rx = await receiver((_q, i) => (i <= 2 ? { status: 302, headers: { location: `${target.url}/elsewhere` } } : { status: 200, body: "thanks" }));
    const hook = await hooks.create({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "d1");
    await rx.waitFor(3);
    expect(target.requests).toHaveLength(0);
    expect(new Set(rx.requests.map((q) => q.headers["webhook-id"])).size).toBe(1);
    await until(async () => (await deliveriesOf(hook.uuid))[0]?.status === "succeeded");
    const list = await deliveriesOf(hook.uuid);
    const detail = (await call("GET", `/api/v1/hooks/${hook.uuid}/deliveries/${list[0].id}`)).json;
    expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([302, 302, 200]);
    expect(detail.attemptLog[2].response).toBe("thanks");
    expect(detail.headers["x-indexhook-token"]).toBe("****"); // redacted for every role; the reveal shows it
    expect(JSON.stringify(detail)).not.toContain(hook.token);
    expect(JSON.stringify(detail)).not.toContain(hook.secret.replace(/^whsec_/, ""));
    expect((await hooks.get(hook.uuid)).failingSince).toBeNull();
  });

  it("410 Gone pauses the hook and says why", async () => {
    const id = await newIndex();
    const rx = await receiver(() => ({ status: 410 }));
    const hook = await hooks.create({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "g");
    await rx.waitFor(1);
    await until(async () => (await hooks.get(hook.uuid)).paused);
    expect((await hooks.get(hook.uuid)).pausedReason).toBe("gone: 410");
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.requests).toHaveLength(1);
  });

  it("honours Retry-After (scaled like the ladder: 100 s → 1 s here)", async () => {
    const id = await newIndex();
    const rx = await receiver((_q, i) => (i === 1 ? { status: 503, headers: { "retry-after": "100" } } : { status: 204 }));
    await hooks.create({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "r");
    const [first, second] = await rx.waitFor(2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
  });
});

describe("tasks hooks", () => {
  it("get each finished task as an NDJSON line (and so does TASK_WEBHOOK_URL)", async () => {
    const id = await newIndex();
    const rx = await receiver();
    await hooks.create({ kind: "tasks", url: rx.url, filters: { indexes: [id] } });
    const done = await change(id, "t");
    await until(async () => rx.requests.flatMap((q) => q.body.trim().split("\n")).some((l) => JSON.parse(l).uid === done.uid));
    const lines = rx.requests.flatMap((q) => q.body.trim().split("\n").map((l) => JSON.parse(l)));
    expect(rx.requests[0].headers["content-type"]).toBe("application/x-ndjson");
    expect(lines.map((t) => t.type)).toEqual(["notify", "deploy"]);
    expect(lines[1]).toMatchObject({ uid: done.uid, indexUid: id, status: "succeeded", details: { upserted: 1 } });
    const viaEnv = await taskRx;
    await until(async () => viaEnv.requests.some((q) => q.body.includes(`"uid":${done.uid},`)));
    expect(viaEnv.requests[0].path).toBe("/tasks");
  });
});

describe("deliveries API", () => {
  const matrixRoute = { method: "GET", path: "", action: "admin" as const };
  it("replays with the same webhook-id, sends a test event, reports metrics", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const hook = await hooks.create({ url: rx.url, filters: { indexes: [id] } });
    matrixRoute.path = `/api/v1/hooks/${hook.uuid}/deliveries`;
    await change(id, "m");
    await rx.waitFor(1);
    await until(async () => (await deliveriesOf(hook.uuid, "?status=succeeded")).length === 1);
    const [d] = await deliveriesOf(hook.uuid);
    const replay = await call("POST", `/api/v1/hooks/${hook.uuid}/deliveries/${d.id}/retry`);
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(rx.requests[1].headers["webhook-id"]).toBe(rx.requests[0].headers["webhook-id"]);
    expect(rx.requests[1].body).toBe(rx.requests[0].body);

    const test = await call("POST", `/api/v1/hooks/${hook.uuid}/test`);
    expect(test.json).toMatchObject({ event: "test", status: "succeeded", attempts: 1 });
    expect(JSON.parse(rx.requests[2].body).changes.map((c: { type: string }) => c.type)).toEqual(["upsert", "update", "delete"]);

    const m = (await call("GET", `/api/v1/hooks/${hook.uuid}/metrics?window=1h`)).json;
    expect(m).toMatchObject({ window: "1h", total: 3, successes: 3, failures: 0, successRate: 1 });
    expect(m.buckets.reduce((s: number, b: { successes: number }) => s + b.successes, 0)).toBe(3);
    expect(typeof m.latencyP95).toBe("number");
    expect((await call("GET", `/api/v1/hooks/metrics?window=7d`)).json.total).toBeGreaterThanOrEqual(3);
    expect((await call("GET", `/api/v1/hooks/nope/deliveries`)).status).toBe(404);
    expect((await call("GET", `/api/v1/hooks/${hook.uuid}/metrics?window=2d`)).status).toBe(400);
  });
  it("latency counts only attempts that left the machine: a failed transformation is a failure with no latency", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const made = await call("POST", "/api/v1/hooks", { url: rx.url, filters: { indexes: [id] }, transformation: "function handler(w) { throw new Error('not today') }" });
    expect(made.status, made.text).toBe(201);
    const uuid = made.json.uuid as string;
    await change(id, "never-sent");
    const metrics = async () => (await call("GET", `/api/v1/hooks/${uuid}/metrics?window=1h`)).json;
    await until(async () => (await metrics()).failures >= 1);
    const m = await metrics();
    expect(m).toMatchObject({ successes: 0, successRate: 0, latencyP50: null, latencyP95: null });
    expect(rx.requests).toHaveLength(0);
    expect((await call("PATCH", `/api/v1/hooks/${uuid}`, { paused: true })).status).toBe(200);
  });
  describeKeyMatrix(() => suite.server, matrixRoute);
});
