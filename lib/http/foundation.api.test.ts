// The foundation over real HTTP: a production server on its own database, the master key, setup,
// next-auth sign-in, the error envelope and OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, freePort, signInCookie, spawnNext, startServer, type TestServer } from "../testing/server";
import { TEST_DATABASE_URL } from "../testing/db";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

const admin = { name: "Ada Admin", email: "ada@example.com", password: "s3cret-password" };

describe("health and the error envelope", () => {
  it("is healthy once migrations ran", async () => {
    const r = await api(server, null)("GET", "/api/health");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: "ok" });
  });

  it("answers 401 in the envelope without credentials", async () => {
    const r = await api(server, null)("GET", "/api/v1/me");
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("unauthorized");
    expect(typeof r.json.error.message).toBe("string");
  });

  it("answers 401 for a wrong bearer token", async () => {
    const r = await api(server, "ihk_nope")("GET", "/api/v1/me");
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("unauthorized");
  });

  it("returns `master` for the master key", async () => {
    const r = await api(server)("GET", "/api/v1/me");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: "master", role: "admin" });
  });

  it("answers unknown API routes with a 404 envelope", async () => {
    const r = await api(server)("GET", "/api/v1/does-not-exist");
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("not_found");
  });
});

describe("first-run setup", () => {
  it("rejects bad input with the failing paths and creates nothing", async () => {
    const call = api(server, null);
    const r = await call("POST", "/api/v1/setup", { name: "", email: "nope", password: "short" });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    expect(r.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "name", "password"]);
    expect((await call("GET", "/api/v1/setup")).json).toEqual({ needsSetup: true });
  });

  it("answers malformed JSON with 400, a wrong content type with 415, a huge body with 413", async () => {
    const call = api(server, null);
    const bad = await call("POST", "/api/v1/setup", "{not json", { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_json");
    const type = await call("POST", "/api/v1/setup", "name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(type.status).toBe(415);
    expect(type.json.error.code).toBe("unsupported_media_type");
    const big = await call("POST", "/api/v1/setup", JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }), {
      "content-type": "application/json",
    });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("payload_too_large");
    expect((await call("GET", "/api/v1/setup")).json).toEqual({ needsSetup: true });
  });

  it("creates exactly one admin when setups race, then refuses", async () => {
    const call = api(server, null);
    const results = await Promise.all(
      [0, 1, 2].map((i) => call("POST", "/api/v1/setup", { ...admin, email: i === 0 ? admin.email : `other${i}@example.com` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect(winner.json.role).toBe("admin");
    expect(winner.json.id).toMatch(/^usr_/);
    expect((await call("GET", "/api/v1/setup")).json).toEqual({ needsSetup: false });
    const again = await call("POST", "/api/v1/setup", { ...admin, email: "late@example.com" });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    admin.email = winner.json.email;
  });
});

describe("sign-in", () => {
  it("a wrong password gives no session", async () => {
    expect(await signInCookie(server, admin.email, "wrong-password")).toBeNull();
    expect(await signInCookie(server, "nobody@example.com", admin.password)).toBeNull();
  });

  it("the signed-in user is the caller of /api/v1/me", async () => {
    const cookie = await signInCookie(server, admin.email, admin.password);
    expect(cookie).not.toBeNull();
    const r = await api(server, null)("GET", "/api/v1/me", undefined, { cookie: cookie! });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ type: "user", email: admin.email, name: admin.name, role: "admin" });
  });

  it("a forged session cookie is refused", async () => {
    const r = await api(server, null)("GET", "/api/v1/me", undefined, { cookie: "next-auth.session-token=forged" });
    expect(r.status).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents every route from the validating schemas", async () => {
    const r = await api(server, null)("GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
    expect(Object.keys(r.json.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/v1/me", "/api/v1/setup"]));
    const setup = r.json.paths["/api/v1/setup"].post;
    expect(JSON.stringify(setup.requestBody)).toContain("SetupRequest");
    expect(r.json.components.schemas.SetupRequest.required).toEqual(expect.arrayContaining(["name", "email", "password"]));
    // Authenticated routes document who may call and their 401/403; public ones do not.
    const users = r.json.paths["/api/v1/users"].get;
    expect(users.description).toMatch(/Signed-in users: admin or above\. API keys with `admin`, scoped to all indexes/);
    expect(Object.keys(users.responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
    expect(setup.description).toBe("Public: no authentication.");
    expect(Object.keys(setup.responses)).not.toContain("401");
    // The inbound webhooks answer 202 (accepted, applied at the next deploy): the document says so.
    for (const verb of ["snapshot", "notify", "deploy", "update-schema"]) {
      const op = r.json.paths[`/api/v1/webhooks/{indexId}/${verb}`].post;
      expect(Object.keys(op.responses), verb).toContain("202");
      expect(Object.keys(op.responses), verb).not.toContain("200");
    }
  });
});

describe.skipIf(!!TEST_DATABASE_URL)("embedded database (PGlite)", () => {
  it("a second process on the same DATA_DIR refuses to start with a clear message", async () => {
    const port = await freePort();
    const { child, logs } = spawnNext(port, { ...server.env, PORT: String(port) });
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", resolve);
      // register() runs at start-up; if it never exits, fail after a while.
      setTimeout(() => resolve(-1), 30_000);
    });
    if (code === -1) child.kill("SIGKILL");
    expect(code).toBe(1);
    expect(logs()).toMatch(/DATA_DIR .* is in use by process \d+/);
    // The first server kept working.
    expect((await api(server)("GET", "/api/v1/me")).status).toBe(200);
  });
});

describe("configuration", () => {
  it("a bad variable stops start-up with one line naming it", async () => {
    const port = await freePort();
    const { child, logs } = spawnNext(port, { ...server.env, DATA_DIR: server.dataDir + "-bad", WORKER: "sometimes" });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(logs()).toContain('[indexhook] Invalid WORKER="sometimes": expected');
  });
});

