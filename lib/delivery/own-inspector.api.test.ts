// The inspector works for a newcomer, with ALLOWED_IP_NETWORKS empty: a hook aimed at this instance's own
// inspector bin delivers (tests, real deliveries, on localhost, 127.0.0.1, [::1] or INDEXHOOK_PUBLIC_URL),
// while "own" comes from configuration, never from Host/X-Forwarded-Host. A URL the guard refuses is
// refused for good: one attempt with the reason, the hook paused, no backoff retries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NIL_UUID } from "../contracts/hooks";
import { api, settle, startServer, type TestServer } from "../testing/server";
import { startReceiver, type Receiver } from "../testing/receiver";
import { until } from "../testing/wait";

const PUBLIC = "https://search.example.test";
let server: TestServer;
let call: ReturnType<typeof api>;
let port = 0;
let taskRx: Receiver;

beforeAll(async () => {
  taskRx = await startReceiver();
  // ALLOWED_IP_NETWORKS stays empty (startServer's default): loopback is refused to everything else.
  server = await startServer({ INDEXHOOK_PUBLIC_URL: PUBLIC, HOOK_RETRY_SCALE: "0.01", TASK_WEBHOOK_URL: `${taskRx.url}/tasks` });
  call = api(server);
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.stop();
  await taskRx?.close();
});

const captured = async (binId: string) => (await call("GET", `/api/v1/inspect/${binId}/requests`)).json.results as { body: string; headers: Record<string, string> }[];
async function hookTo(url: string) {
  const r = await call("POST", "/api/v1/hooks", { url });
  expect(r.status, r.text).toBe(201);
  return r.json as { uuid: string; url: string };
}

describe("a hook to this instance's own inspector", () => {
  it("gets a bin URL on the page's origin when it is ours, else on the configured one", async () => {
    const here = await call("POST", "/api/v1/inspect");
    expect(here.json.url).toBe(`${server.url}/api/v1/inspect/${here.json.binId}`);
    const local = await call("POST", "/api/v1/inspect", undefined, { "x-forwarded-host": `localhost:${port}` });
    expect(local.json.url).toBe(`http://localhost:${port}/api/v1/inspect/${local.json.binId}`);
    const proxied = await call("POST", "/api/v1/inspect", undefined, { "x-forwarded-host": "search.example.test", "x-forwarded-proto": "https" });
    expect(proxied.json.url).toBe(`${PUBLIC}/api/v1/inspect/${proxied.json.binId}`);
    // A Host that is not ours is not echoed back: the bin lives on an origin a hook can deliver to.
    const spoofed = await call("POST", "/api/v1/inspect", undefined, { "x-forwarded-host": "evil.example:8080" });
    expect(spoofed.json.url).toBe(`${PUBLIC}/api/v1/inspect/${spoofed.json.binId}`);
  });

  it.each([
    ["127.0.0.1", () => `http://127.0.0.1:${port}`],
    ["localhost", () => `http://localhost:${port}`],
    ["[::1]", () => `http://[::1]:${port}`],
    ["the configured public URL", () => PUBLIC],
  ])("delivers test sends on %s with ALLOWED_IP_NETWORKS empty", async (_name, origin) => {
    const binId = (await call("POST", "/api/v1/inspect")).json.binId;
    const hook = await hookTo(`${origin()}/api/v1/inspect/${binId}`);
    const test = await call("POST", `/api/v1/hooks/${hook.uuid}/test`);
    expect(test.json, test.text).toMatchObject({ event: "test", status: "succeeded", attempts: 1 });
    const got = await captured(binId);
    expect(got).toHaveLength(1);
    expect(got[0].headers["webhook-id"]).toBeTruthy();
    await call("DELETE", `/api/v1/hooks/${hook.uuid}`);
  });

  it("delivers a deploy's changes to the bin", async () => {
    const binId = (await call("POST", "/api/v1/inspect")).json.binId;
    const hook = await hookTo(`http://localhost:${port}/api/v1/inspect/${binId}`);
    expect((await call("POST", "/api/v1/indexes", { id: "oi", name: "oi", schema: { title: "string" } })).status).toBe(201);
    await call("POST", "/api/v1/webhooks/oi/snapshot", [{ id: "d1", title: "seen by the inspector" }]);
    expect((await settle(call, (await call("POST", "/api/v1/webhooks/oi/deploy")).json.taskUid)).status).toBe("succeeded");
    await until(async () => (await captured(binId)).length > 0);
    expect(JSON.parse((await captured(binId))[0].body).changes[0]).toMatchObject({ type: "upsert", table: "oi", key: "d1" });
    await call("DELETE", `/api/v1/hooks/${hook.uuid}`);
  });

  it("refuses at save a loopback URL with an inspector path on another port, whatever Host the request claims", async () => {
    const rx = await startReceiver();
    try {
      const rxOrigin = new URL(rx.url).host;
      const url = `${rx.url}/api/v1/inspect/bin_abcdefgh12345678`;
      const claims: Record<string, string>[] = [{ "x-forwarded-host": rxOrigin }, { "x-forwarded-host": rxOrigin, "x-forwarded-proto": "http" }];
      for (const headers of claims) {
        const r = await call("POST", "/api/v1/hooks", { url }, headers);
        expect(r.status, JSON.stringify(headers)).toBe(400);
        expect(r.json.error.code).toBe("ssrf_refused");
      }
      // Nor anything else on our own port.
      expect((await call("POST", "/api/v1/hooks", { url: `${server.url}/api/v1/keys` })).json.error.code).toBe("ssrf_refused");
      expect((await call("POST", "/api/v1/hooks", { url: `${server.url}/api/v1/inspect/bin_abcdefgh12345678/requests` })).json.error.code).toBe("ssrf_refused");
      expect(rx.requests).toHaveLength(0);
    } finally {
      await rx.close();
    }
  });
});

describe("a URL the guard refuses", () => {
  // TASK_WEBHOOK_URL is not checked at boot (nothing is sent then): a loopback one gets in, as a URL
  // saved before ALLOWED_IP_NETWORKS changed would.
  it("fails at once with the reason, pauses the hook, and is never retried", async () => {
    expect((await call("POST", "/api/v1/indexes", { id: "rf", name: "rf", schema: { title: "string" } })).status).toBe(201);
    await call("POST", "/api/v1/webhooks/rf/snapshot", [{ id: "d1", title: "x" }]);
    await settle(call, (await call("POST", "/api/v1/webhooks/rf/deploy")).json.taskUid);
    let hook: { paused: boolean; pausedReason: string; status: string } = { paused: false, pausedReason: "", status: "" };
    await until(async () => (hook = (await call("GET", `/api/v1/hooks/${NIL_UUID}`)).json).paused);
    expect(hook.status).toBe("auto-paused");
    expect(hook.pausedReason).toMatch(/^refused: SSRF: Refused 127\.0\.0\.1: 127\.0\.0\.1 is in 127\.0\.0\.0\/8 \(loopback\)/);
    const list = (await call("GET", `/api/v1/hooks/${NIL_UUID}/deliveries`)).json.results as { id: string }[];
    expect(list).toHaveLength(1);
    // With the retry ladder scaled to 1 %, a backoff retry would have come within 10 ms.
    await new Promise((r) => setTimeout(r, 1500));
    const detail = (await call("GET", `/api/v1/hooks/${NIL_UUID}/deliveries/${list[0].id}`)).json;
    expect(detail.attempts).toBe(1);
    expect(detail.attemptLog).toHaveLength(1);
    expect(detail.attemptLog[0].error).toMatch(/^SSRF: Refused 127\.0\.0\.1: .*loopback/);

    // A replay and a test send say the same, and still nothing reaches the receiver.
    const replay = await call("POST", `/api/v1/hooks/${NIL_UUID}/deliveries/${list[0].id}/retry`);
    expect(replay.json.attemptLog.at(-1).error).toMatch(/^SSRF: Refused 127\.0\.0\.1/);
    const test = await call("POST", `/api/v1/hooks/${NIL_UUID}/test`);
    expect(test.json).toMatchObject({ status: "dead", attempts: 1 });
    expect(test.json.attemptLog[0].error).toMatch(/^SSRF: Refused 127\.0\.0\.1/);
    expect(taskRx.requests).toHaveLength(0);
  });

  it("is lifted for the env hook when a restart allows it, and the backlog is delivered", async () => {
    server.env.ALLOWED_IP_NETWORKS = "127.0.0.1/32";
    await server.crash();
    await server.restart();
    await taskRx.waitFor(1);
    expect((await call("GET", `/api/v1/hooks/${NIL_UUID}`)).json).toMatchObject({ paused: false, pausedReason: null });
  });

  it("a hook paused by a refusal resumes when its URL changes, and delivers", async () => {
    const rx = await startReceiver();
    try {
      const hook = await hookTo(`${rx.url}/changes`); // allowed while ALLOWED_IP_NETWORKS lists loopback
      server.env.ALLOWED_IP_NETWORKS = "";
      await server.crash();
      await server.restart();
      await call("POST", "/api/v1/webhooks/rf/notify", { upsert: [{ id: "d2", title: "after" }] });
      await settle(call, (await call("POST", "/api/v1/webhooks/rf/deploy")).json.taskUid);
      await until(async () => (await call("GET", `/api/v1/hooks/${hook.uuid}`)).json.paused);
      expect((await call("GET", `/api/v1/hooks/${hook.uuid}`)).json.pausedReason).toMatch(/^refused: SSRF: /);
      expect(rx.requests).toHaveLength(0);
      const binId = (await call("POST", "/api/v1/inspect")).json.binId;
      const moved = await call("PATCH", `/api/v1/hooks/${hook.uuid}`, { url: `${server.url}/api/v1/inspect/${binId}` });
      expect(moved.json).toMatchObject({ paused: false, pausedReason: null });
      await until(async () => (await captured(binId)).some((c) => c.body.includes('"d2"')));
    } finally {
      await rx.close();
    }
  });
});
