// Key management over real HTTP: create (shown once), authenticate with it, list without secrets,
// revoke (effective at once), expiry, junk, and the "never more than its creator" rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKeyMatrix } from "../testing/key-matrix";
import { api, startServer, type TestServer } from "../testing/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

const master = () => api(server);
async function makeKey(body: Record<string, unknown>) {
  const r = await master()("POST", "/api/v1/keys", { name: "t", ...body });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; key: string; start: string; kind: string };
}

describe("create, use, list, revoke", () => {
  it("creates a key with the master key, shown once, that then authenticates", async () => {
    const r = await master()("POST", "/api/v1/keys", { name: "ci deploys", actions: ["ingest", "deploy"], indexes: ["docs"] });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: "ci deploys", kind: "private", actions: ["ingest", "deploy"], indexes: ["docs"], createdBy: "master", revokedAt: null });
    expect(r.json.id).toMatch(/^key_/);
    expect(r.json.key).toMatch(/^ihk_prv_/);
    expect(r.json.start).toBe(r.json.key.slice(0, 12));
    const me = await api(server, r.json.key)("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ type: "key", id: r.json.id, actions: ["ingest", "deploy"], indexes: ["docs"] });
  });

  it("lists keys without any secret", async () => {
    const k = await makeKey({ actions: ["search"] });
    const { createHash } = await import("node:crypto");
    const r = await master()("GET", "/api/v1/keys");
    expect(r.status).toBe(200);
    expect(r.json.results.find((x: { id: string }) => x.id === k.id)).toMatchObject({ start: k.start, kind: "public" });
    expect(r.text).not.toContain(k.key);
    expect(r.text).not.toContain(createHash("sha256").update(k.key).digest("hex"));
    expect(r.text).not.toMatch(/"(key|hash)":/);
  });

  it("a revoked key gets 401 at once; revoking twice is fine; unknown ids are 404", async () => {
    const k = await makeKey({ actions: ["search"] });
    // Twice: the second use is answered from the server's key cache, which the revoke must clear.
    expect((await api(server, k.key)("GET", "/api/v1/me")).status).toBe(200);
    expect((await api(server, k.key)("GET", "/api/v1/me")).status).toBe(200);
    const del = await master()("DELETE", `/api/v1/keys/${k.id}`);
    expect(del.status).toBe(200);
    expect(del.json.revokedAt).toEqual(expect.any(String));
    const after = await api(server, k.key)("GET", "/api/v1/me");
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("unauthorized");
    expect((await master()("DELETE", `/api/v1/keys/${k.id}`)).status).toBe(200);
    const missing = await master()("DELETE", "/api/v1/keys/key_doesnotexist");
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });

  it("an expired key gets 401", async () => {
    const k = await makeKey({ actions: ["search"], expiresAt: new Date(Date.now() + 1_000).toISOString() });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await api(server, k.key)("GET", "/api/v1/me")).status).toBe(401);
  });

  it("junk and look-alike tokens get 401", async () => {
    for (const junk of ["ihk_prv_" + "1".repeat(38), "ihk_pub_short", "not-a-key"]) {
      expect((await api(server, junk)("GET", "/api/v1/me")).status).toBe(401);
    }
  });
});

describe("authority", () => {
  it("keys without admin cannot manage keys", async () => {
    for (const actions of [["ingest", "deploy"], ["search"]]) {
      const k = await makeKey({ actions });
      const call = api(server, k.key);
      expect((await call("GET", "/api/v1/keys")).status).toBe(403);
      const post = await call("POST", "/api/v1/keys", { name: "x", actions: ["search"] });
      expect(post.status).toBe(403);
      expect(post.json.error.code).toBe("forbidden");
    }
  });

  it("an admin key scoped to ['a'] cannot create a key for ['*'] but can for ['a']", async () => {
    const k = await makeKey({ actions: ["admin", "search"], indexes: ["a"] });
    const call = api(server, k.key);
    const wide = await call("POST", "/api/v1/keys", { name: "wide", actions: ["search"], indexes: ["*"] });
    expect(wide.status).toBe(403);
    expect(wide.json.error.message).toContain('"*"');
    const child = await call("POST", "/api/v1/keys", { name: "child", actions: ["search"], indexes: ["a"] });
    expect(child.status).toBe(201);
    expect(child.json.createdBy).toBe(k.id);
    // Its list holds only keys within its own scope: itself and its child, not keys for "*" or "b".
    await makeKey({ actions: ["search"], indexes: ["b"] });
    const listed = await call("GET", "/api/v1/keys");
    expect(listed.status).toBe(200);
    const scopes = listed.json.results.map((r: { indexes: string[] }) => r.indexes);
    expect(scopes.length).toBeGreaterThanOrEqual(2);
    for (const sc of scopes) expect(sc.every((i: string) => i === "a")).toBe(true);
    expect(listed.json.results.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([k.id, child.json.id]));
    expect((await api(server)("GET", "/api/v1/keys")).json.results.length).toBeGreaterThan(listed.json.results.length);
  });

  it("bad input is 400 with the failing paths", async () => {
    const r = await master()("POST", "/api/v1/keys", { name: "", actions: ["fly"], indexes: [], expiresAt: "2001-01-01T00:00:00Z" });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    const paths = r.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "actions.0", "indexes", "expiresAt"]));
  });
});

describeKeyMatrix(() => server, {
  method: "POST",
  path: "/api/v1/keys",
  // The ok key holds only "admin" on "matrix", so it may hand out exactly that.
  body: { name: "from the matrix", actions: ["admin"], indexes: ["matrix"] },
  action: "admin",
  indexId: "matrix",
  okStatus: 201,
});
