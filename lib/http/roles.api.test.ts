// Roles over real HTTP: the role matrix over every contract (lib/testing/role-matrix.ts), then real
// targets a refused caller must leave intact, what a viewer reads (and that hook credentials reach it
// masked), and the guard that there are no server actions the matrix would miss.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../auth/roles";
import type { RouteContract } from "../contracts";
import { assertExpectation, callRoute, describeRoleMatrix, filesWithServerActions, type Cookies } from "../testing/role-matrix";
import { api, settle, startServer, type TestServer } from "../testing/server";
import { userWithRole, type TestUser } from "../testing/users";

const PUBLIC_URL = "https://93.184.215.14/hook"; // an IP literal: no DNS needed, never called here

let server: TestServer;
let users: Record<Role, TestUser>;
let indexId: string;
let hook: { uuid: string; secret: string; token: string };
let key: { id: string; key: string };

beforeAll(async () => {
  server = await startServer();
  const [viewer, member, admin] = await Promise.all([userWithRole(server, "viewer"), userWithRole(server, "member"), userWithRole(server, "admin")]);
  users = { viewer, member, admin };
  const master = api(server);
  const idx = await master("POST", "/api/v1/indexes", { id: "roles-target", name: "Roles target", schema: { title: "string" } });
  expect(idx.status, idx.text).toBe(201);
  indexId = idx.json.id;
  const h = await master("POST", "/api/v1/hooks", { url: PUBLIC_URL, paused: true, headers: { Authorization: "Bearer custom-hook-credential-123" } });
  expect(h.status, h.text).toBe(201);
  hook = h.json;
  const k = await master("POST", "/api/v1/keys", { name: "roles target", actions: ["search"], indexes: ["*"] });
  expect(k.status, k.text).toBe(201);
  key = k.json;
}, 120_000);
afterAll(async () => server?.stop());

/** fetch with a user's session cookie instead of a bearer. */
function as(user: TestUser) {
  const call = api(server, null);
  return (method: string, path: string, body?: unknown) => call(method, path, body, { cookie: user.cookie });
}
const master = () => api(server);

function expectForbidden(r: { status: number; json: { error?: { code?: string; message?: string } } }) {
  expect(r.status, JSON.stringify(r.json)).toBe(403);
  expect(r.json.error?.code).toBe("forbidden");
  expect(typeof r.json.error?.message).toBe("string");
}

describeRoleMatrix(
  () => server,
  (): Cookies => ({ viewer: users.viewer.cookie, member: users.member.cookie, admin: users.admin.cookie }),
);

describe("the matrix itself", () => {
  it("fails a contract that has no route handler (the catch-all's 404), whoever calls", async () => {
    // Not registered: it stands for a contract added without its app/api/v1/**/route.ts.
    const orphan: RouteContract = { method: "post", path: "/api/v1/orphan/{id}", summary: "x", tags: [], auth: { session: "member", key: false }, responses: {} };
    const asAdmin = await callRoute(server, orphan, users.admin.cookie);
    expect(asAdmin.status).toBe(404);
    expect(() => assertExpectation(orphan, "admin", "allowed", asAdmin)).toThrow(/no route handler/);
    expect(() => assertExpectation(orphan, "viewer", 403, asAdmin)).toThrow(/no route handler/);
    expect(() => assertExpectation(orphan, "no cookie", 401, asAdmin)).toThrow(/no route handler/);
  });
});

describe("a refused caller leaves real targets intact", () => {
  it("a viewer cannot delete, rename or write to a real index", async () => {
    const v = as(users.viewer);
    expectForbidden(await v("DELETE", `/api/v1/indexes/${indexId}`));
    expectForbidden(await v("PATCH", `/api/v1/indexes/${indexId}`, { name: "Hijacked" }));
    expectForbidden(await v("POST", `/api/v1/webhooks/${indexId}/notify`, { upsert: [{ id: "x", title: "x" }] }));
    expectForbidden(await v("POST", `/api/v1/webhooks/${indexId}/deploy`));
    const after = await master()("GET", `/api/v1/indexes/${indexId}`);
    expect(after.status).toBe(200);
    expect(after.json.name).toBe("Roles target");
    expect(after.json.pending.total).toBe(0);
  });

  it("a viewer cannot create, list or revoke keys", async () => {
    const v = as(users.viewer);
    const before = (await master()("GET", "/api/v1/keys")).json.results;
    const made = await v("POST", "/api/v1/keys", { name: "viewer key", actions: ["*"], indexes: ["*"] });
    expectForbidden(made);
    expect(made.text).not.toMatch(/ihk_/);
    const listed = await v("GET", "/api/v1/keys");
    expectForbidden(listed);
    expect(listed.text).not.toContain("roles target");
    expectForbidden(await v("DELETE", `/api/v1/keys/${key.id}`));
    const after = (await master()("GET", "/api/v1/keys")).json.results;
    expect(after).toEqual(before);
    // The key still works.
    const me = await api(server, key.key)("GET", "/api/v1/me");
    expect(me.status, me.text).toBe(200);
    expect(me.json).toMatchObject({ type: "key", id: key.id });
  });

  it("a viewer cannot edit, delete, test or read the credentials of a real hook", async () => {
    const v = as(users.viewer);
    expectForbidden(await v("PATCH", `/api/v1/hooks/${hook.uuid}`, { paused: false, url: "https://93.184.215.14/other" }));
    expectForbidden(await v("DELETE", `/api/v1/hooks/${hook.uuid}`));
    expectForbidden(await v("POST", `/api/v1/hooks/${hook.uuid}/test`));
    for (const [path, body] of [
      [`/api/v1/hooks/${hook.uuid}/secret`, { action: "reveal" }],
      [`/api/v1/hooks/${hook.uuid}/secret`, { action: "rotate" }],
      [`/api/v1/hooks/${hook.uuid}/token`, { action: "reveal" }],
      [`/api/v1/hooks/${hook.uuid}/token`, { action: "regenerate" }],
    ] as const) {
      const r = await v("POST", path, body);
      expectForbidden(r);
      expect(r.text).not.toContain(hook.secret);
      expect(r.text).not.toContain(hook.token);
    }
    const after = await master()("GET", `/api/v1/hooks/${hook.uuid}`);
    expect(after.json).toMatchObject({ paused: true, url: PUBLIC_URL });
    expect((await master()("POST", `/api/v1/hooks/${hook.uuid}/secret`, { action: "reveal" })).json.secret).toBe(hook.secret);
    expect((await master()("POST", `/api/v1/hooks/${hook.uuid}/token`, { action: "reveal" })).json.token).toBe(hook.token);
  });

  it("a member cannot change roles or invite; the viewer stays a viewer", async () => {
    const m = as(users.member);
    const invitesBefore = (await master()("GET", "/api/v1/invites")).json.results;
    expectForbidden(await m("PATCH", `/api/v1/users/${users.viewer.id}`, { role: "admin" }));
    expectForbidden(await m("PATCH", `/api/v1/users/${users.member.id}`, { role: "admin" }));
    expectForbidden(await m("DELETE", `/api/v1/users/${users.viewer.id}`));
    const invited = await m("POST", "/api/v1/invites", { email: "sneaky@example.com", role: "admin" });
    expectForbidden(invited);
    expect(invited.text).not.toMatch(/ihi_/);
    const list = (await master()("GET", "/api/v1/users")).json.results as { id: string; role: string; status: string }[];
    expect(list.find((u) => u.id === users.viewer.id)).toMatchObject({ role: "viewer", status: "active" });
    expect(list.find((u) => u.id === users.member.id)).toMatchObject({ role: "member", status: "active" });
    expect((await master()("GET", "/api/v1/invites")).json.results).toEqual(invitesBefore);
    // And the viewer's session still works.
    expect((await as(users.viewer)("GET", "/api/v1/me")).status).toBe(200);
  });
});

describe("what a viewer reads", () => {
  it("indexes, documents, deploy history, tasks, hooks (without secrets) and their deliveries", async () => {
    const v = as(users.viewer);
    for (const path of [
      "/api/v1/indexes",
      `/api/v1/indexes/${indexId}`,
      `/api/v1/indexes/${indexId}/documents`,
      `/api/v1/indexes/${indexId}/deployments`,
      `/api/v1/indexes/${indexId}/diff`,
      "/api/v1/tasks",
      "/api/v1/hooks",
      `/api/v1/hooks/${hook.uuid}`,
      `/api/v1/hooks/${hook.uuid}/deliveries`,
      `/api/v1/hooks/${hook.uuid}/metrics`,
      "/api/v1/hooks/metrics",
    ]) {
      const r = await v("GET", path);
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      for (const secret of [hook.secret, hook.token, "custom-hook-credential-123", key.key]) expect(r.text, path).not.toContain(secret);
    }
    // Search is open to viewers; this index has no deployed version yet, so it answers "not deployed", not 401/403.
    const search = await v("POST", `/api/v1/indexes/${indexId}/search`, { term: "x" });
    expect([401, 403], search.text).not.toContain(search.status);
    expect(search.status, search.text).toBeLessThan(500);
  });

  it("deploy history names a deploying key only to those who may see keys", async () => {
    const made = await master()("POST", "/api/v1/keys", { name: "ci-deployer", actions: ["ingest", "deploy"], indexes: [indexId] });
    const deployer = api(server, made.json.key);
    expect((await deployer("POST", `/api/v1/webhooks/${indexId}/notify`, { upsert: [{ id: "named", title: "x" }] })).status).toBe(202);
    const task = await deployer("POST", `/api/v1/webhooks/${indexId}/deploy`);
    expect(task.status, task.text).toBe(202);
    await settle(master(), task.json.taskUid);
    const mine = (r: { json: { results: { createdBy: string; createdByName: string | null }[] } }) => r.json.results.find((d) => d.createdBy === made.json.id);
    expect(mine(await as(users.member)("GET", `/api/v1/indexes/${indexId}/deployments`))?.createdByName).toBe("key: ci-deployer");
    const seen = await as(users.viewer)("GET", `/api/v1/indexes/${indexId}/deployments`);
    expect(mine(seen)?.createdByName).toBe("an API key");
    expect(seen.text).not.toContain("ci-deployer");
  });

  it("a delivery's headers and an inspector bin's captures reach every role with the hook's credentials masked", async () => {
    const bin = await master()("POST", "/api/v1/inspect");
    expect(bin.status, bin.text).toBe(201);
    const h = await master()("POST", "/api/v1/hooks", { url: bin.json.url, headers: { Authorization: "Bearer inspector-hook-credential-9" } });
    expect(h.status, h.text).toBe(201);
    const sent = await master()("POST", `/api/v1/hooks/${h.json.uuid}/test`);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.json.status, sent.text).toBe("succeeded");

    const secrets = [h.json.token, "inspector-hook-credential-9"];
    const captured = `/api/v1/inspect/${bin.json.binId}/requests`;
    const delivery = `/api/v1/hooks/${h.json.uuid}/deliveries/${sent.json.id}`;
    for (const path of [captured, delivery]) {
      const byViewer = await as(users.viewer)("GET", path);
      expect(byViewer.status, byViewer.text).toBe(200);
      for (const s of secrets) expect(byViewer.text, path).not.toContain(s);
      const byMember = await as(users.member)("GET", path);
      expect(byMember.status).toBe(200);
      for (const s of secrets) expect(byMember.text, path).not.toContain(s);
    }
    const viewerHeaders = (await as(users.viewer)("GET", delivery)).json.headers;
    expect(viewerHeaders["x-indexhook-token"]).toBe("****");
    expect(viewerHeaders["authorization"] ?? viewerHeaders["Authorization"]).toBe("Bearer ****");
  });
});

describe("server actions", () => {
  it('no file under app/, components/ or lib/ declares "use server"', () => {
    const found = filesWithServerActions(["app", "components", "lib"]);
    expect(
      found,
      "A server action was added: it is a POST endpoint the role matrix does not see. Check the role in it (pageUser / getSessionUser + roleAtLeast) and add it to lib/testing/role-matrix.ts before removing this guard.",
    ).toEqual([]);
  });
});
