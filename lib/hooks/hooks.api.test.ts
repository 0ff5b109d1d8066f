// Hooks over real HTTP: CRUD, secrets that only the create call and reveal show, redacted headers,
// SSRF refusal at save, the inspector exception, the TASK_WEBHOOK_URL hook, the limit of 20.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKeyMatrix } from "../testing/key-matrix";
import { api, startServer, type TestServer } from "../testing/server";

const NIL = "00000000-0000-0000-0000-000000000000";
const PUBLIC_URL = "https://93.184.215.14/hook"; // an IP literal: no DNS needed, and globally routable

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TASK_WEBHOOK_URL: "https://example.com/tasks", TASK_WEBHOOK_AUTHORIZATION_HEADER: "Bearer env-secret-value" });
});
afterAll(async () => server?.stop());

const call = () => api(server);
async function create(body: Record<string, unknown> = {}) {
  const r = await call()("POST", "/api/v1/hooks", { url: PUBLIC_URL, ...body });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

describe("CRUD and secrets", () => {
  it("creates a hook, returning secret and token once; reads never contain them", async () => {
    const h = await create({ headers: { Authorization: "Bearer sk_live_abcdef123456", "X-Env": "production-eu-west" } });
    expect(h).toMatchObject({ kind: "changes", url: PUBLIC_URL, paused: false, status: "active", isEditable: true });
    expect(h.filters).toEqual({ indexes: "all", properties: "all", operations: "all" });
    expect(h.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(Buffer.from(h.secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    expect(h.token.length).toBeGreaterThanOrEqual(16);
    expect(h.headers).toEqual({ Authorization: "Bearer ****", "X-Env": "****west" });
    for (const path of ["/api/v1/hooks", `/api/v1/hooks/${h.uuid}`]) {
      const r = await call()("GET", path);
      expect(r.status).toBe(200);
      for (const s of [h.secret, h.token, "sk_live_abcdef123456", "production-eu-west"]) expect(r.text).not.toContain(s);
    }
  });

  it("a PATCH that sends redacted values back keeps the stored ones; new values replace", async () => {
    const h = await create({ headers: { Authorization: "Bearer keep-me-please", "X-Api-Key": "abc123456789" } });
    const p = await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { headers: { ...h.headers, "X-New": "v" } });
    expect(p.status, p.text).toBe(200);
    expect(p.json.headers).toEqual({ Authorization: "Bearer ****", "X-Api-Key": "****", "X-New": "****" });
    const q = await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { headers: { Authorization: "Bearer ****", "X-Api-Key": "changed-key-0000" } });
    expect(q.json.headers).toEqual({ Authorization: "Bearer ****", "X-Api-Key": "****" });
    // The stored values are only observable through delivery; the redacted form proves the scheme survived.
    expect(q.text).not.toContain("keep-me-please");
  });

  it("updates url, filters and pause; deletes", async () => {
    const h = await create();
    const filters = { indexes: ["docs"], properties: [], operations: ["upsert", "delete"] };
    const p = await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { url: "https://1.1.1.1/x", filters, paused: true, kind: "tasks" });
    expect(p.json).toMatchObject({ url: "https://1.1.1.1/x", kind: "tasks", paused: true, pausedReason: "manual", status: "paused" });
    expect(p.json.filters).toEqual({ indexes: ["docs"], properties: "all", operations: ["upsert", "delete"] });
    const resumed = await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { paused: false });
    expect(resumed.json).toMatchObject({ paused: false, pausedReason: null, status: "active" });
    expect((await call()("DELETE", `/api/v1/hooks/${h.uuid}`)).status).toBe(200);
    expect((await call()("GET", `/api/v1/hooks/${h.uuid}`)).status).toBe(404);
    expect((await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { paused: true })).status).toBe(404);
  });

  it("reveals, rotates (old secret kept 24 h) and regenerates the secret", async () => {
    const h = await create();
    const reveal = await call()("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "reveal" });
    expect(reveal.json).toEqual({ secret: h.secret, previousSecret: null, previousSecretExpiresAt: null });
    const rot = await call()("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "rotate" });
    expect(rot.json.secret).not.toBe(h.secret);
    expect(rot.json.previousSecret).toBe(h.secret);
    const grace = Date.parse(rot.json.previousSecretExpiresAt) - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    const got = await call()("GET", `/api/v1/hooks/${h.uuid}`);
    expect(got.json.previousSecretExpiresAt).toBe(rot.json.previousSecretExpiresAt);
    expect(got.text).not.toContain(rot.json.secret);
    expect(got.text).not.toContain(h.secret);
    const regen = await call()("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "regenerate" });
    expect(regen.json).toMatchObject({ previousSecret: null, previousSecretExpiresAt: null });
    expect(regen.json.secret).not.toBe(rot.json.secret);
    const again = await call()("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "reveal" });
    expect(again.json.secret).toBe(regen.json.secret);
  });

  it("reveals, regenerates and sets the token by hand (at least 16 characters)", async () => {
    const h = await create({ token: "my-own-token-0123456789" });
    expect(h.token).toBe("my-own-token-0123456789");
    const regen = await call()("POST", `/api/v1/hooks/${h.uuid}/token`, { action: "regenerate" });
    expect(regen.json.token).not.toBe(h.token);
    expect((await call()("POST", `/api/v1/hooks/${h.uuid}/token`, { action: "reveal" })).json.token).toBe(regen.json.token);
    const short = await call()("POST", `/api/v1/hooks/${h.uuid}/token`, { token: "short" });
    expect(short.status).toBe(400);
    const set = await call()("POST", `/api/v1/hooks/${h.uuid}/token`, { token: "set-by-hand-0123456789" });
    expect(set.json.token).toBe("set-by-hand-0123456789");
    expect((await call()("GET", "/api/v1/hooks")).text).not.toContain("set-by-hand-0123456789");
  });

  it("rejects invalid input with the failing paths", async () => {
    const r = await call()("POST", "/api/v1/hooks", { url: PUBLIC_URL, kind: "nope", filters: { operations: ["explode"] } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
  });
});

describe("SSRF at save time", () => {
  const refused = ["http://127.0.0.1/x", "http://10.0.0.1/x", "http://[::1]/x", "http://2130706433/x", "http://localhost/x", "http://169.254.169.254/latest", "http://0x7f.1/"];
  it.each(refused)("refuses %s with ssrf_refused and the reason", async (url) => {
    const r = await call()("POST", "/api/v1/hooks", { url });
    expect(r.status, r.text).toBe(400);
    expect(r.json.error.code).toBe("ssrf_refused");
    expect(r.json.error.message).toMatch(/ is in /);
  });

  it("refuses a PATCH to a private URL and non-http schemes", async () => {
    const h = await create();
    const r = await call()("PATCH", `/api/v1/hooks/${h.uuid}`, { url: "http://192.168.0.10/" });
    expect(r.json.error.code).toBe("ssrf_refused");
    expect((await call()("POST", "/api/v1/hooks", { url: "ftp://93.184.215.14/" })).json.error.code).toBe("ssrf_refused");
  });

  it("allows this instance's inspector URL, and nothing else on loopback", async () => {
    const bin = await call()("POST", "/api/v1/inspect");
    expect(bin.status).toBe(201);
    expect(bin.json.url).toBe(`${server.url}/api/v1/inspect/${bin.json.binId}`);
    const h = await create({ url: bin.json.url });
    expect(h.url).toBe(bin.json.url);
    const other = await call()("POST", "/api/v1/hooks", { url: `${server.url}/api/v1/keys` });
    expect(other.json.error.code).toBe("ssrf_refused");
    await call()("DELETE", `/api/v1/hooks/${h.uuid}`);
  });
});

describe("the TASK_WEBHOOK_URL hook", () => {
  it("is listed with the nil UUID, redacted, and not editable", async () => {
    const list = await call()("GET", "/api/v1/hooks");
    const env = list.json.results.find((h: { uuid: string }) => h.uuid === NIL);
    expect(env).toMatchObject({ kind: "tasks", url: "https://example.com/tasks", isEditable: false, headers: { Authorization: "Bearer ****" } });
    expect(list.text).not.toContain("env-secret-value");
    for (const [method, path, body] of [
      ["PATCH", `/api/v1/hooks/${NIL}`, { paused: true }],
      ["DELETE", `/api/v1/hooks/${NIL}`, undefined],
      ["POST", `/api/v1/hooks/${NIL}/secret`, { action: "rotate" }],
      ["POST", `/api/v1/hooks/${NIL}/token`, { action: "regenerate" }],
      ["POST", `/api/v1/hooks/${NIL}/token`, { token: "0123456789abcdefgh" }],
    ] as const) {
      const r = await call()(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(400);
      expect(r.json.error.code).toBe("not_editable");
    }
    expect((await call()("POST", `/api/v1/hooks/${NIL}/secret`, { action: "reveal" })).json.secret).toMatch(/^whsec_/);
  });
});

describe("the request inspector", () => {
  it("captures any method publicly and lists newest first, with after=", async () => {
    const { binId } = (await call()("POST", "/api/v1/inspect")).json;
    const anon = api(server, null);
    expect((await anon("POST", `/api/v1/inspect/${binId}`, { hello: "world" }, { "x-probe": "1" })).json).toEqual({ ok: true });
    expect((await anon("PUT", `/api/v1/inspect/${binId}`, "second")).status).toBe(200);
    expect((await anon("POST", "/api/v1/inspect/not-a-bin", "x")).status).toBe(400);
    const list = await call()("GET", `/api/v1/inspect/${binId}/requests`);
    expect(list.json.results.map((r: { method: string }) => r.method)).toEqual(["PUT", "POST"]);
    const first = list.json.results[1];
    expect(first.headers["x-probe"]).toBe("1");
    expect(JSON.parse(first.body)).toEqual({ hello: "world" });
    const newer = await call()("GET", `/api/v1/inspect/${binId}/requests?after=${first.id}`);
    expect(newer.json.results).toHaveLength(1);
    expect((await anon("GET", `/api/v1/inspect/${binId}/requests`)).status).toBe(401);
  });

  it("keeps the first 64 KB of a body and the newest 200 requests per bin", async () => {
    const { binId } = (await call()("POST", "/api/v1/inspect")).json;
    const anon = api(server, null);
    await anon("POST", `/api/v1/inspect/${binId}`, "y".repeat(100_000));
    expect((await call()("GET", `/api/v1/inspect/${binId}/requests`)).json.results[0].body.length).toBe(64 * 1024);
    for (let i = 0; i < 205; i += 5) await Promise.all([0, 1, 2, 3, 4].map((j) => anon("POST", `/api/v1/inspect/${binId}`, `n${i + j}`)));
    const list = (await call()("GET", `/api/v1/inspect/${binId}/requests`)).json.results;
    expect(list).toHaveLength(200);
  });
});

describeKeyMatrix(() => server, { method: "POST", path: "/api/v1/hooks", body: { url: PUBLIC_URL }, action: "admin", okStatus: 201 });

describe("limit", () => {
  it("refuses the 21st hook with hook_limit (the TASK_WEBHOOK_URL hook is not counted)", async () => {
    const existing = (await call()("GET", "/api/v1/hooks")).json.results.filter((h: { isEditable: boolean }) => h.isEditable).length;
    for (let i = existing; i < 20; i++) await create();
    const r = await call()("POST", "/api/v1/hooks", { url: PUBLIC_URL });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("hook_limit");
  });
});
