// Secrets are read in one place: every read route that returns hook headers (or anything derived from a
// hook) is walked as admin, member, viewer and the master key, with a hook that has a custom
// Authorization header and token, the TASK_WEBHOOK_AUTHORIZATION_HEADER hook and an inspector bin that
// received both; no secret value appears anywhere in a response body. The audited reveal still returns them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../auth/roles";
import { startReceiver, type Receiver } from "../testing/receiver";
import { api, settle, startServer, type TestServer } from "../testing/server";
import { userWithRole, type TestUser } from "../testing/users";
import { until } from "../testing/wait";

const NIL = "00000000-0000-0000-0000-000000000000";
const CUSTOM_AUTH = "custom-bearer-credential-7f3a9c";
const CUSTOM_ENV = "custom-plain-header-value-51de";
const TASK_AUTH = "task-hook-env-credential-0b8e2d";

let server: TestServer;
let rx: Receiver;
const users: Record<Role, TestUser> = {} as never;
let hook: { uuid: string; secret: string; token: string };
let binHook: { uuid: string; secret: string; token: string };
let binId = "";
let envHook: { secret: string; token: string };
let taskUid = 0;

const master = () => api(server);
const withCookie = (u: TestUser) => (method: string, path: string, body?: unknown) => api(server, null)(method, path, body, { cookie: u.cookie });

beforeAll(async () => {
  rx = await startReceiver();
  server = await startServer({
    ALLOWED_IP_NETWORKS: "127.0.0.1/32",
    TASK_WEBHOOK_URL: `${rx.url}/tasks`,
    TASK_WEBHOOK_AUTHORIZATION_HEADER: `Bearer ${TASK_AUTH}`,
  });
  for (const role of ROLES) users[role] = await userWithRole(server, role);
  const h = await master()("POST", "/api/v1/hooks", { url: `${rx.url}/changes`, headers: { Authorization: `Bearer ${CUSTOM_AUTH}`, "X-Env": CUSTOM_ENV } });
  expect(h.status, h.text).toBe(201);
  hook = h.json;
  const bin = await master()("POST", "/api/v1/inspect");
  expect(bin.status, bin.text).toBe(201);
  binId = bin.json.binId;
  const b = await master()("POST", "/api/v1/hooks", { url: bin.json.url, headers: { Authorization: `Bearer ${CUSTOM_AUTH}`, "X-Env": CUSTOM_ENV } });
  expect(b.status, b.text).toBe(201);
  binHook = b.json;
  envHook = {
    secret: (await master()("POST", `/api/v1/hooks/${NIL}/secret`, { action: "reveal" })).json.secret,
    token: (await master()("POST", `/api/v1/hooks/${NIL}/token`, { action: "reveal" })).json.token,
  };
  // Real traffic: a deploy (a change for the changes hook, a finished task for the task hook), tests.
  expect((await master()("POST", "/api/v1/indexes", { id: "red", name: "red", schema: { title: "string" } })).status).toBe(201);
  expect((await master()("POST", "/api/v1/webhooks/red/notify", { upsert: [{ id: "1", title: "one" }] })).status).toBe(202);
  taskUid = (await master()("POST", "/api/v1/webhooks/red/deploy")).json.taskUid;
  await settle(master(), taskUid);
  for (const uuid of [hook.uuid, binHook.uuid, NIL]) expect((await master()("POST", `/api/v1/hooks/${uuid}/test`)).json.status).toBe("succeeded");
  await until(async () => rx.requests.some((q) => q.path === "/tasks" && q.body.includes(`"uid":${taskUid}`)));
  await until(async () => rx.requests.filter((q) => q.path === "/changes").length >= 2);
}, 300_000);
afterAll(async () => {
  await rx?.close();
  await server?.stop();
});

function secrets(): string[] {
  return [CUSTOM_AUTH, CUSTOM_ENV, TASK_AUTH, hook.token, hook.secret, binHook.token, binHook.secret, envHook.token, envHook.secret].flatMap((s) =>
    s.startsWith("whsec_") ? [s, s.slice(6)] : [s],
  );
}

async function readPaths(): Promise<string[]> {
  const paths = ["/api/v1/hooks", `/api/v1/hooks/${hook.uuid}`, `/api/v1/hooks/${NIL}`, `/api/v1/hooks/${binHook.uuid}`, "/api/v1/audit", "/api/v1/audit?limit=200"];
  paths.push("/api/v1/tasks", `/api/v1/tasks/${taskUid}`, `/api/v1/inspect/${binId}/requests`);
  for (const uuid of [hook.uuid, binHook.uuid, NIL]) {
    const list = await master()("GET", `/api/v1/hooks/${uuid}/deliveries`);
    expect(list.status, list.text).toBe(200);
    expect(list.json.results.length).toBeGreaterThan(0);
    paths.push(`/api/v1/hooks/${uuid}/deliveries`, ...list.json.results.map((d: { id: string }) => `/api/v1/hooks/${uuid}/deliveries/${d.id}`));
  }
  return paths;
}

describe("no read shows a secret, for any role", () => {
  it("the secrets really travelled (so the walk below can fail)", () => {
    const changes = rx.requests.find((q) => q.path === "/changes")!;
    expect(changes.headers.authorization).toBe(`Bearer ${CUSTOM_AUTH}`);
    expect(changes.headers["x-indexhook-token"]).toBe(hook.token);
    expect(rx.requests.find((q) => q.path === "/tasks")!.headers.authorization).toBe(`Bearer ${TASK_AUTH}`);
  });

  it("walks every read route as master, admin, member and viewer", async () => {
    const paths = await readPaths();
    const callers = { master: master(), admin: withCookie(users.admin), member: withCookie(users.member), viewer: withCookie(users.viewer) };
    for (const [who, call] of Object.entries(callers)) {
      for (const path of paths) {
        const r = await call("GET", path);
        expect(r.status, `${who} GET ${path}: ${r.text}`).toBeLessThan(500);
        for (const s of secrets()) expect(r.text.includes(s), `${who} GET ${path} shows ${s}`).toBe(false);
      }
    }
  }, 120_000);

  it("writes that answer with a delivery (test, replay) redact it too", async () => {
    for (const u of [users.admin, users.member]) {
      const t = await withCookie(u)("POST", `/api/v1/hooks/${hook.uuid}/test`);
      expect(t.status, t.text).toBe(200);
      const replay = await withCookie(u)("POST", `/api/v1/hooks/${hook.uuid}/deliveries/${t.json.id}/retry`);
      expect(replay.status, replay.text).toBe(200);
      for (const r of [t, replay]) for (const s of secrets()) expect(r.text.includes(s), s).toBe(false);
    }
  });

  it("keeps header names, with the markers GET /hooks/{uuid} uses", async () => {
    const [d] = (await master()("GET", `/api/v1/hooks/${hook.uuid}/deliveries`)).json.results;
    const detail = (await master()("GET", `/api/v1/hooks/${hook.uuid}/deliveries/${d.id}`)).json;
    const got = (await master()("GET", `/api/v1/hooks/${hook.uuid}`)).json;
    expect(got.headers).toEqual({ Authorization: "Bearer ****", "X-Env": "****51de" });
    expect(detail.headers).toMatchObject({ ...got.headers, "x-indexhook-token": "****", "content-type": "application/json" });
    expect(detail.headers["webhook-id"]).toMatch(/^msg_/);
    const env = (await master()("GET", `/api/v1/hooks/${NIL}/deliveries`)).json.results[0];
    expect((await master()("GET", `/api/v1/hooks/${NIL}/deliveries/${env.id}`)).json.headers).toMatchObject({ Authorization: "Bearer ****" });
    const captured = (await master()("GET", `/api/v1/inspect/${binId}/requests`)).json.results[0].headers;
    expect(captured).toMatchObject({ authorization: "Bearer ****", "x-indexhook-token": "****", "x-env": "****" });
    expect(captured["content-type"]).toBe("application/json");
  });

  it("the audited reveal is the way to read the secret and token", async () => {
    const secret = await master()("POST", `/api/v1/hooks/${hook.uuid}/secret`, { action: "reveal" });
    const token = await withCookie(users.member)("POST", `/api/v1/hooks/${hook.uuid}/token`, { action: "reveal" });
    expect(secret.json.secret).toBe(hook.secret);
    expect(token.json.token).toBe(hook.token);
    const log = await master()("GET", "/api/v1/audit?limit=200");
    expect(log.text).toContain("hook.token_revealed");
    expect((await withCookie(users.viewer)("POST", `/api/v1/hooks/${hook.uuid}/token`, { action: "reveal" })).status).toBe(403);
  });
});
