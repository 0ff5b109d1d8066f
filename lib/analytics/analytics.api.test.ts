// Search analytics over real HTTP: searches on the public routes (POST JSON, POST form, GET ?q=) show
// up in GET /api/v1/indexes/{id}/analytics once flushed (polled, not slept), with top and zero-result
// terms; PATCH analytics.storeTerms=false keeps counting but stores no terms; failed searches do not count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startServer({ ANALYTICS_FLUSH_MS: "200" });
  call = api(server);
  for (const id of ["shop", "private"]) {
    expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: { title: "string" } })).status).toBe(201);
    await call("POST", `/api/v1/webhooks/${id}/snapshot`, [
      { id: "1", title: "red apple" },
      { id: "2", title: "green pear" },
    ]);
    const task = (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json;
    expect((await settle(call, task.taskUid)).status).toBe("succeeded");
  }
});
afterAll(async () => server?.stop());

type Analytics = { total: { searches: number; zeroResults: number }; topQueries: { term: string; count: number }[]; zeroResultQueries: { term: string; count: number }[]; latency: { p50: number | null; p95: number | null }; searchesPerMinute: { at: string; count: number }[]; sampled: { rate: number }; storeTerms: boolean };

/** Polls the analytics API until `done` holds (the flush is periodic), or fails with the last answer. */
async function analyticsWhen(id: string, done: (a: Analytics) => boolean, window = "1h"): Promise<Analytics> {
  const deadline = Date.now() + 20_000;
  let last: Analytics | undefined;
  while (Date.now() < deadline) {
    const r = await call("GET", `/api/v1/indexes/${id}/analytics?window=${window}`);
    expect(r.status).toBe(200);
    last = r.json as Analytics;
    if (done(last)) return last;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`analytics never matched: ${JSON.stringify(last)}`);
}

const search = (id: string, term: string) => call("POST", `/api/v1/indexes/${id}/search`, { term });

describe("search analytics", () => {
  it("starts empty", async () => {
    const r = await call("GET", "/api/v1/indexes/shop/analytics");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ window: "24h", bucketMinutes: 15, total: { searches: 0, zeroResults: 0 }, latency: { p50: null, p95: null }, topQueries: [], zeroResultQueries: [], sampled: { rate: 1 }, storeTerms: true });
    expect(r.json.searchesPerMinute).toHaveLength(96);
  });

  it("counts the searches of every public route, with top and zero-result terms and latency", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await search("shop", "Apple");
      expect(r.status).toBe(200);
      // What the server measured, and which version answered, stay on the server.
      expect(r.json).not.toHaveProperty("latencyMs");
      expect(r.json).not.toHaveProperty("deploymentId");
    }
    expect((await search("shop", "kiwi")).json.count).toBe(0);
    expect((await call("POST", "/api/v1/indexes/shop/search", `q=${encodeURIComponent(JSON.stringify({ term: "pear" }))}`, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(200);
    expect((await call("GET", `/api/v1/indexes/shop/search?q=${encodeURIComponent(JSON.stringify({ term: "kiwi" }))}`)).status).toBe(200);
    // A refused search is not a search.
    expect((await call("POST", "/api/v1/indexes/shop/search", { term: "x", where: { nope: { eq: 1 } } })).status).toBe(400);
    const a = await analyticsWhen("shop", (x) => x.total.searches >= 6);
    expect(a.total).toEqual({ searches: 6, zeroResults: 2 });
    expect(a.topQueries).toEqual([
      { term: "apple", count: 3 },
      { term: "kiwi", count: 2 },
      { term: "pear", count: 1 },
    ]);
    expect(a.zeroResultQueries).toEqual([{ term: "kiwi", count: 2 }]);
    expect(a.latency.p50).toBeGreaterThanOrEqual(0);
    expect(a.latency.p95!).toBeGreaterThanOrEqual(a.latency.p50!);
    expect(a.searchesPerMinute).toHaveLength(60);
    expect(a.searchesPerMinute.reduce((s, p) => s + p.count, 0)).toBe(6);
    expect(a.sampled.rate).toBe(1);
    // Another index's analytics are its own.
    expect((await call("GET", "/api/v1/indexes/private/analytics?window=7d")).json.total.searches).toBe(0);
  });

  it("with analytics.storeTerms false counts searches and latency but stores no terms", async () => {
    const patched = await call("PATCH", "/api/v1/indexes/private", { analytics: { storeTerms: false } });
    expect(patched.status).toBe(200);
    expect(patched.json.analytics).toEqual({ storeTerms: false });
    expect((await call("GET", "/api/v1/indexes/private")).json.analytics).toEqual({ storeTerms: false });
    await search("private", "my secret diagnosis");
    await search("private", "zzz");
    const a = await analyticsWhen("private", (x) => x.total.searches >= 2);
    expect(a).toMatchObject({ storeTerms: false, total: { searches: 2, zeroResults: 2 }, topQueries: [], zeroResultQueries: [] });
    expect(a.latency.p50).not.toBeNull();
    // Back on: terms are stored again from then on.
    expect((await call("PATCH", "/api/v1/indexes/private", { analytics: { storeTerms: true } })).json.analytics).toEqual({ storeTerms: true });
    await search("private", "apple");
    const b = await analyticsWhen("private", (x) => x.total.searches >= 3);
    expect(b.topQueries).toEqual([{ term: "apple", count: 1 }]);
  });

  it("refuses bad input and unknown indexes", async () => {
    expect((await call("GET", "/api/v1/indexes/shop/analytics?window=1y")).status).toBe(400);
    expect((await call("GET", "/api/v1/indexes/nope/analytics")).status).toBe(404);
    expect((await call("PATCH", "/api/v1/indexes/shop", { analytics: { storeTerms: "no" } })).status).toBe(400);
    expect((await call("PATCH", "/api/v1/indexes/shop", { analytics: { other: true } })).status).toBe(400);
    expect((await api(server, null)("GET", "/api/v1/indexes/shop/analytics")).status).toBe(401);
  });
});
