// The search fast lane (lib/http/fast-lane.ts) of the production server: keyed search and init requests
// are answered from node:http (their answers carry `x-indexhook-lane: fast`, which only the fast lane sets)
// with the same status, body and headers as Next's route handlers. The server runs with
// SEARCH_FAST_LANE=switchable, so the same request sent with `x-indexhook-lane: next` goes through Next:
// every case below is asked of both lanes and the answers compared.
import { OramaClient } from "@oramacloud/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;
let searchKey: string;
let otherIndexKey: string;
let ingestKey: string;
let shopKey: string;
const ID = "lane-movies";
const UNDEPLOYED = "lane-empty";
const SHOP = "https://shop.example";

beforeAll(async () => {
  server = await startServer({ SEARCH_FAST_LANE: "switchable" });
  call = api(server);
  for (const id of [ID, UNDEPLOYED]) expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: { title: "string", year: "number" } })).status).toBe(201);
  await call("POST", `/api/v1/webhooks/${ID}/snapshot`, [
    { id: "1", title: "Alien", year: 1979 },
    { id: "2", title: "Aliens", year: 1986 },
    { id: "3", title: "Heat", year: 1995 },
  ]);
  expect((await settle(call, (await call("POST", `/api/v1/webhooks/${ID}/deploy`)).json.taskUid)).status).toBe("succeeded");
  searchKey = (await call("POST", "/api/v1/keys", { name: "search", actions: ["search"], indexes: [ID, UNDEPLOYED] })).json.key;
  otherIndexKey = (await call("POST", "/api/v1/keys", { name: "other", actions: ["search"], indexes: ["elsewhere"] })).json.key;
  ingestKey = (await call("POST", "/api/v1/keys", { name: "ingest", actions: ["ingest"], indexes: ["*"] })).json.key;
  shopKey = (await call("POST", "/api/v1/keys", { name: "shop", actions: ["search"], indexes: [ID], allowedOrigins: [SHOP] })).json.key;
}, 120_000);
afterAll(async () => server?.stop());

type Ask = { method: string; path: string; headers?: Record<string, string>; body?: string };

async function ask(a: Ask, lane: "fast" | "next") {
  const res = await fetch(server.url + a.path, {
    method: a.method,
    headers: { ...a.headers, ...(lane === "next" ? { "x-indexhook-lane": "next" } : {}) },
    body: a.body,
  });
  const text = await res.text();
  let json: any = undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  // `elapsed` is each search's own time; the rest must match.
  if (json && typeof json === "object" && "elapsed" in json) json.elapsed = "(elapsed)";
  return { status: res.status, json, headers: res.headers };
}

/** The headers both lanes must agree on (Next adds its own Vary tokens and may gzip). */
const COMPARED = ["content-type", "cache-control", "access-control-allow-origin", "x-frame-options", "content-security-policy", "x-content-type-options", "referrer-policy"];
const picked = (h: Headers) => Object.fromEntries(COMPARED.map((n) => [n, h.get(n)]));

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const jsonPost = (key: string, body: string, extra: Record<string, string> = {}): Ask => ({
  method: "POST",
  path: `/api/v1/indexes/${ID}/search`,
  headers: { ...bearer(key), "content-type": "application/json", ...extra },
  body,
});

const CASES: [string, () => Ask, number][] = [
  ["POST JSON search", () => jsonPost(searchKey, JSON.stringify({ term: "alien", where: { year: { gte: 1980 } } })), 200],
  ["POST JSON search with a browser origin", () => jsonPost(searchKey, JSON.stringify({ term: "alien" }), { origin: "https://app.test" }), 200],
  ["POST empty body (defaults)", () => jsonPost(searchKey, ""), 200],
  ["POST with the master key", () => jsonPost(server.env.INDEXHOOK_MASTER_KEY, JSON.stringify({ term: "heat" })), 200],
  [
    "POST the SDK's form with ?api-key=",
    () => ({ method: "POST", path: `/api/v1/indexes/${ID}/search?api-key=${searchKey}`, headers: { "content-type": "application/x-www-form-urlencoded" }, body: `q=${encodeURIComponent(JSON.stringify({ term: "alien" }))}&version=1.0.0` }),
    200,
  ],
  ["GET ?q=term", () => ({ method: "GET", path: `/api/v1/indexes/${ID}/search?q=alien`, headers: bearer(searchKey) }), 200],
  ["GET ?q={json}", () => ({ method: "GET", path: `/api/v1/indexes/${ID}/search?q=${encodeURIComponent(JSON.stringify({ term: "heat", limit: 1 }))}`, headers: bearer(searchKey) }), 200],
  ["GET init", () => ({ method: "GET", path: `/api/v1/indexes/${ID}/init?api-key=${searchKey}` }), 200],
  ["GET init of an index never deployed", () => ({ method: "GET", path: `/api/v1/indexes/${UNDEPLOYED}/init`, headers: bearer(searchKey) }), 200],
  ["401 unknown key", () => jsonPost("ihk_pub_nope", "{}"), 401],
  ["401 unknown ?api-key=", () => ({ method: "GET", path: `/api/v1/indexes/${ID}/init?api-key=nope` }), 401],
  ["403 key without the search action", () => jsonPost(ingestKey, "{}"), 403],
  ["403 key scoped to another index", () => jsonPost(otherIndexKey, "{}"), 403],
  ["403 key used from an origin it is not allowed on", () => jsonPost(shopKey, "{}", { origin: "https://evil.test" }), 403],
  ["200 key used from its allowed origin", () => jsonPost(shopKey, JSON.stringify({ term: "alien" }), { origin: SHOP }), 200],
  ["400 invalid JSON", () => jsonPost(searchKey, "{nope"), 400],
  ["400 unknown search parameter", () => jsonPost(searchKey, JSON.stringify({ term: "x", nope: 1 })), 400],
  ["400 unknown property for this schema", () => jsonPost(searchKey, JSON.stringify({ term: "x", where: { rating: { gt: 1 } } })), 400],
  ["400 form without q", () => ({ method: "POST", path: `/api/v1/indexes/${ID}/search`, headers: { ...bearer(searchKey), "content-type": "application/x-www-form-urlencoded" }, body: "version=1" }), 400],
  ["404 no such index", () => ({ method: "GET", path: `/api/v1/indexes/nope/search?q=x`, headers: bearer(server.env.INDEXHOOK_MASTER_KEY) }), 404],
  ["404 index not deployed yet", () => ({ ...jsonPost(searchKey, "{}"), path: `/api/v1/indexes/${UNDEPLOYED}/search` }), 404],
  ["413 body over 1 MiB", () => jsonPost(searchKey, JSON.stringify({ term: "x".repeat(1024 * 1024) })), 413],
  ["415 another media type", () => ({ ...jsonPost(searchKey, "term"), headers: { ...bearer(searchKey), "content-type": "text/plain" } }), 415],
];

describe("the fast lane answers keyed search and init requests as Next's handlers do", () => {
  it.each(CASES)("%s", async (_name, make, status) => {
    const a = make();
    const fast = await ask(a, "fast");
    const next = await ask(a, "next");
    expect(fast.headers.get("x-indexhook-lane")).toBe("fast");
    expect(next.headers.get("x-indexhook-lane")).toBeNull();
    expect(fast.status).toBe(status);
    expect(next.status).toBe(status);
    expect(fast.json).toEqual(next.json);
    expect(picked(fast.headers)).toEqual(picked(next.headers));
    if (status === 200 && a.path.includes("/search")) expect(fast.headers.get("cache-control")).toBe("no-store, no-transform");
    if (status >= 400) expect(fast.json.error.code).toEqual(expect.any(String));
  });

  it("answers CORS preflights of search and init itself", async () => {
    for (const path of [`/api/v1/indexes/${ID}/search`, `/api/v1/indexes/${ID}/init`]) {
      const headers = { origin: SHOP, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" };
      const fast = await ask({ method: "OPTIONS", path, headers }, "fast");
      const next = await ask({ method: "OPTIONS", path, headers }, "next");
      expect(fast.headers.get("x-indexhook-lane")).toBe("fast");
      expect([fast.status, next.status]).toEqual([204, 204]);
      for (const n of ["access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers", "access-control-max-age", "cache-control", "x-frame-options"]) {
        expect(fast.headers.get(n), n).toBe(next.headers.get(n));
      }
      expect(fast.headers.get("vary")).toMatch(/origin/i);
    }
  });

  it("returns the same hits as Next for a search that hides nothing and one that pages", async () => {
    const a = jsonPost(searchKey, JSON.stringify({ term: "alien", limit: 1, offset: 1 }));
    const fast = await ask(a, "fast");
    expect(fast.json.count).toBe(2);
    expect(fast.json.hits).toHaveLength(1);
    expect(fast.json.hits[0].document).toMatchObject({ title: expect.stringMatching(/^Alien/) });
  });
});

describe("what the fast lane leaves to Next", () => {
  it("a search without a key (a dashboard session or nobody): Next answers, 401 without one", async () => {
    const res = await ask({ method: "POST", path: `/api/v1/indexes/${ID}/search`, headers: { "content-type": "application/json" }, body: "{}" }, "fast");
    expect(res.status).toBe(401);
    expect(res.headers.get("x-indexhook-lane")).toBeNull();
  });

  it("other methods and other paths", async () => {
    const del = await ask({ method: "DELETE", path: `/api/v1/indexes/${ID}/search`, headers: bearer(searchKey) }, "fast");
    expect(del.status).toBe(405);
    expect(del.json.error.code).toBe("method_not_allowed");
    expect(del.headers.get("x-indexhook-lane")).toBeNull();
    const index = await ask({ method: "GET", path: `/api/v1/indexes/${ID}`, headers: bearer(server.env.INDEXHOOK_MASTER_KEY) }, "fast");
    expect(index.status).toBe(200);
    expect(index.headers.get("x-indexhook-lane")).toBeNull();
  });
});

describe("the Orama SDK through the fast lane", () => {
  it("OramaClient's init and search are answered by the fast lane and find the documents", async () => {
    const lanes: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      lanes.push(`${new URL(String(input instanceof Request ? input.url : input)).pathname} ${res.headers.get("x-indexhook-lane")}`);
      return res;
    };
    try {
      const client = new OramaClient({ endpoint: `${server.url}/api/v1/indexes/${ID}`, api_key: searchKey, telemetry: false });
      const found = await client.search({ term: "alien", where: { year: { lt: 1980 } } } as never);
      expect(found!.count).toBe(1);
      expect(found!.hits[0].document).toMatchObject({ id: "1", title: "Alien" });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(lanes).toContain(`/api/v1/indexes/${ID}/search fast`);
    expect(lanes.every((l) => l.endsWith(" fast"))).toBe(true);
  });
});

describe("analytics and metrics see fast-lane searches", () => {
  it("a fast-lane search is counted in the search metrics", async () => {
    const metric = async () => {
      const text = (await call("GET", "/metrics")).text;
      const line = text.split("\n").find((l) => l.startsWith("indexhook_search_requests_total{") && l.includes(`index="${ID}"`) && l.includes('outcome="ok"'));
      return line ? Number(line.split(" ").at(-1)) : 0;
    };
    const before = await metric();
    const res = await ask(jsonPost(searchKey, JSON.stringify({ term: "heat" })), "fast");
    expect(res.headers.get("x-indexhook-lane")).toBe("fast");
    expect(await metric()).toBe(before + 1);
  });
});
