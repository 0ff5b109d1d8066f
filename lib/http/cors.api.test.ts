// Browsers on purpose: the search routes (search, init, collect) answer CORS for any origin, a public
// key's allowedOrigins narrows that (403 origin_not_allowed, still readable by the page), management
// and ingestion routes never answer CORS, and every answer carries the security headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;
let openKey: string;
let shopKey: string;
const ID = "cors-movies";
const SHOP = "https://shop.example";

beforeAll(async () => {
  server = await startServer();
  call = api(server);
  expect((await call("POST", "/api/v1/indexes", { id: ID, name: ID, schema: { title: "string" } })).status).toBe(201);
  await call("POST", `/api/v1/webhooks/${ID}/snapshot`, [{ id: "1", title: "Alien" }]);
  expect((await settle(call, (await call("POST", `/api/v1/webhooks/${ID}/deploy`)).json.taskUid)).status).toBe("succeeded");
  openKey = (await call("POST", "/api/v1/keys", { name: "any origin", actions: ["search"], indexes: [ID] })).json.key;
  const shop = await call("POST", "/api/v1/keys", { name: "shop only", actions: ["search"], indexes: [ID], allowedOrigins: [`${SHOP}/`, "https://*.Example.com"] });
  expect(shop.status).toBe(201);
  expect(shop.json.allowedOrigins).toEqual([SHOP, "https://*.example.com"]);
  shopKey = shop.json.key;
}, 120_000);
afterAll(async () => server?.stop());

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  fetch(server.url + path, { method, headers, body });
const preflightHeaders = (method: string) => ({
  origin: SHOP,
  "access-control-request-method": method,
  "access-control-request-headers": "authorization,content-type",
});

describe("search routes answer CORS for any origin", () => {
  it.each([
    ["POST", `/api/v1/indexes/${ID}/search`],
    ["GET", `/api/v1/indexes/${ID}/search`],
    ["GET", `/api/v1/indexes/${ID}/init`],
    ["POST", `/api/v1/indexes/${ID}/collect`],
  ])("preflight %s %s", async (method, path) => {
    const res = await raw("OPTIONS", path, preflightHeaders(method));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(res.headers.get("access-control-allow-methods")).toContain(method);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toMatch(/authorization.*content-type/);
    expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("search (bearer JSON and the SDK's form + ?api-key=), init and collect carry Access-Control-Allow-Origin", async () => {
    const post = await raw("POST", `/api/v1/indexes/${ID}/search`, { origin: SHOP, authorization: `Bearer ${openKey}`, "content-type": "application/json" }, JSON.stringify({ term: "alien" }));
    expect(post.status).toBe(200);
    expect(post.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(((await post.json()) as { count: number }).count).toBe(1);
    const sdk = await raw("POST", `/api/v1/indexes/${ID}/search?api-key=${openKey}`, { origin: "https://elsewhere.test", "content-type": "application/x-www-form-urlencoded" }, `q=${encodeURIComponent(JSON.stringify({ term: "alien" }))}`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get("access-control-allow-origin")).toBe("https://elsewhere.test");
    const get = await raw("GET", `/api/v1/indexes/${ID}/search?q=alien&api-key=${openKey}`, { origin: SHOP });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe(SHOP);
    const init = await raw("GET", `/api/v1/indexes/${ID}/init?api-key=${openKey}`, { origin: SHOP });
    expect(init.status).toBe(200);
    expect(init.headers.get("access-control-allow-origin")).toBe(SHOP);
    const collect = await raw("POST", `/api/v1/indexes/${ID}/collect?api-key=${openKey}`, { origin: SHOP, "content-type": "text/plain" }, "{}");
    expect(collect.status).toBe(204);
    expect(collect.headers.get("access-control-allow-origin")).toBe(SHOP);
  });

  it("errors are readable by the page too (401 for a bad key)", async () => {
    const res = await raw("POST", `/api/v1/indexes/${ID}/search`, { origin: SHOP, authorization: "Bearer nope", "content-type": "application/json" }, "{}");
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe(SHOP);
  });
});

describe("a key limited to allowedOrigins", () => {
  const search = (origin: string | null, key = shopKey) =>
    raw("POST", `/api/v1/indexes/${ID}/search`, { ...(origin ? { origin } : {}), authorization: `Bearer ${key}`, "content-type": "application/json" }, JSON.stringify({ term: "alien" }));

  it("searches from a listed origin or a subdomain of a wildcard, and from servers (no Origin)", async () => {
    for (const origin of [SHOP, "https://shop.example:443", "https://a.example.com", "https://a.b.example.com", null]) {
      const res = await search(origin);
      expect(res.status, String(origin)).toBe(200);
    }
  });

  it("refuses any other origin with 403 origin_not_allowed, readable by that page; every time (the key cache keeps the list)", async () => {
    for (const origin of ["https://evil.example", "http://shop.example", "https://example.com", "https://shop.example:8443", "null", "https://evil.example"]) {
      const res = await search(origin);
      expect(res.status, origin).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      const body = (await res.json()) as { error: { code: string; details: unknown } };
      expect(body.error.code).toBe("origin_not_allowed");
      expect(body.error.details).toEqual({ origin });
    }
    const init = await raw("GET", `/api/v1/indexes/${ID}/init?api-key=${shopKey}`, { origin: "https://evil.example" });
    expect(init.status).toBe(403);
    const get = await raw("GET", `/api/v1/indexes/${ID}/search?q=alien&api-key=${shopKey}`, { origin: "https://evil.example" });
    expect(get.status).toBe(403);
    // The key without a list is not limited.
    expect((await search("https://evil.example", openKey)).status).toBe(200);
  });

  it("is validated at create, only for public keys, and shown in the list", async () => {
    for (const bad of [["shop.example"], ["https://shop.example/path"], ["*"], ["https://*.com"], [42]]) {
      const res = await call("POST", "/api/v1/keys", { name: "bad", actions: ["search"], allowedOrigins: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.details[0].path).toMatch(/^allowedOrigins/);
    }
    const priv = await call("POST", "/api/v1/keys", { name: "private", actions: ["ingest"], allowedOrigins: [SHOP] });
    expect(priv.status).toBe(400);
    expect(priv.json.error.details[0].path).toBe("allowedOrigins");
    const list = (await call("GET", "/api/v1/keys")).json.results as { name: string; allowedOrigins: string[] }[];
    expect(list.find((k) => k.name === "shop only")?.allowedOrigins).toEqual([SHOP, "https://*.example.com"]);
    expect(list.find((k) => k.name === "any origin")?.allowedOrigins).toEqual([]);
    expect(list.some((k) => k.name === "bad" || k.name === "private")).toBe(false);
  });
});

describe("management and ingestion never answer CORS", () => {
  it.each([
    ["OPTIONS", "/api/v1/keys"],
    ["OPTIONS", "/api/v1/indexes"],
    ["OPTIONS", `/api/v1/indexes/${ID}`],
    ["OPTIONS", `/api/v1/webhooks/${ID}/notify`],
    ["OPTIONS", `/api/v1/webhooks/${ID}/snapshot`],
    ["OPTIONS", "/api/v1/tasks"],
    ["GET", "/api/v1/indexes"],
    ["GET", "/api/v1/keys"],
    ["POST", `/api/v1/webhooks/${ID}/has-data`],
  ])("%s %s", async (method, path) => {
    const res = await raw(method, path, { ...preflightHeaders("POST"), authorization: `Bearer ${openKey}` });
    expect(res.status).toBeLessThan(500);
    for (const [name] of res.headers) expect(name).not.toMatch(/^access-control-/);
  });
});

describe("security headers", () => {
  it("dashboard pages refuse framing, sniffing and leak no referrer path; API answers are nosniff", async () => {
    for (const path of ["/login", "/setup", "/overview"]) {
      const res = await raw("GET", path, {});
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
    for (const path of ["/api/health", `/api/v1/indexes/${ID}/search?q=alien&api-key=${openKey}`, "/api/v1/nope"]) {
      expect((await raw("GET", path, {})).headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
