// Routes that act on the whole instance (users, settings, the audit log, webhooks, the inspector)
// refuse an admin key scoped to a list of indexes: such a key must not mint admins or receive every
// index's changes. A key scoped to "*" passes the same check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../contracts";
import { api, startServer, type TestServer } from "../testing/server";
import { callRoute, routeName } from "../testing/role-matrix";

let server: TestServer;
let scoped: string;
let everywhere: string;

beforeAll(async () => {
  server = await startServer();
  const master = api(server);
  expect((await master("POST", "/api/v1/indexes", { id: "only-this", name: "Only this", schema: { title: "string" } })).status).toBe(201);
  scoped = (await master("POST", "/api/v1/keys", { name: "scoped admin", actions: ["admin"], indexes: ["only-this"] })).json.key;
  everywhere = (await master("POST", "/api/v1/keys", { name: "admin everywhere", actions: ["admin"], indexes: ["*"] })).json.key;
}, 120_000);
afterAll(async () => server?.stop());

const wholeInstance = registry.filter((c) => c.auth?.wholeInstance);

describe("instance-wide routes need a key scoped to all indexes", () => {
  it("covers users, invites, settings, the audit log, webhooks and their deliveries", () => {
    const paths = wholeInstance.map(routeName).join("\n");
    for (const p of ["/api/v1/users", "/api/v1/invites", "/api/v1/settings/registration", "/api/v1/audit", "/api/v1/hooks", "/api/v1/hooks/{uuid}/deliveries"]) {
      expect(paths).toContain(p);
    }
  });

  for (const c of wholeInstance) {
    it(`${routeName(c)}: a scoped admin key gets 403, an all-index admin key gets through`, async () => {
      const refused = await callRoute(server, c, null, scoped);
      expect(refused.status, refused.text).toBe(403);
      expect(refused.json?.error?.message).toMatch(/scoped to all indexes/);
      const passed = await callRoute(server, c, null, everywhere);
      expect([401, 403], passed.text).not.toContain(passed.status);
      expect(passed.status, passed.text).toBeLessThan(500);
    });
  }

  it("the scoped key could not create an admin: no invite exists and the user list is unchanged", async () => {
    const master = api(server);
    const r = await fetch(`${server.url}/api/v1/invites`, {
      method: "POST",
      headers: { authorization: `Bearer ${scoped}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "sneaky@example.com", role: "admin" }),
    });
    expect(r.status).toBe(403);
    expect((await master("GET", "/api/v1/invites")).json.results).toEqual([]);
  });
});
