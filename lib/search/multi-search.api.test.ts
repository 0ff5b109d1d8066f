// POST /api/v1/multi-search over real HTTP: one result per query in order, each query authorised
// against the key's scope (one forbidden query fails the whole request), validated like a single
// search (400 invalid_search naming the query), at most 20 queries, bad input 4xx and never 5xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;
const path = "/api/v1/multi-search";

async function makeIndex(id: string, docs: unknown[]) {
  expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: { title: "string", n: "number" } })).status).toBe(201);
  if (!docs.length) return;
  expect((await call("POST", `/api/v1/webhooks/${id}/snapshot`, docs)).status).toBe(202);
  expect((await settle(call, (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json.taskUid)).status).toBe("succeeded");
}

beforeAll(async () => {
  server = await startServer();
  call = api(server);
  await makeIndex("ms-books", [{ id: "1", title: "red apple", n: 1 }, { id: "2", title: "green pear", n: 2 }]);
  await makeIndex("ms-films", [{ id: "f1", title: "apple of my eye", n: 3 }]);
  await makeIndex("ms-empty", []);
});
afterAll(async () => server?.stop());

const newKey = async (actions: string[], indexes: string[]) => {
  const r = await call("POST", "/api/v1/keys", { name: `ms ${actions}-${indexes}`, actions, indexes });
  expect(r.status).toBe(201);
  return r.json.key as string;
};

describe("multi-search", () => {
  it("answers one result per query, in order, with the search's shape and headers", async () => {
    const r = await call("POST", path, {
      queries: [
        { indexId: "ms-films", term: "apple" },
        { indexId: "ms-books", term: "apple" },
        { indexId: "ms-books", term: "", where: { n: { gte: 2 } }, limit: 1 },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(r.json.results.map((x: { indexId: string }) => x.indexId)).toEqual(["ms-films", "ms-books", "ms-books"]);
    expect(r.json.results[0].hits.map((h: { id: string }) => h.id)).toEqual(["f1"]);
    expect(r.json.results[1].hits.map((h: { id: string }) => h.id)).toEqual(["1"]);
    expect(r.json.results[2]).toMatchObject({ count: 1, hits: [{ id: "2" }] });
    expect(r.json.results[0].elapsed).toHaveProperty("raw");
    for (const x of r.json.results) for (const serverOnly of ["latencyMs", "deploymentId"]) expect(x).not.toHaveProperty(serverOnly);
    // The same as the single search.
    const single = await call("POST", "/api/v1/indexes/ms-books/search", { term: "apple" });
    expect(single.json.hits).toEqual(r.json.results[1].hits);
    expect((await call("POST", path, { queries: [] })).json).toEqual({ results: [] });
  });

  it("authorises every query against the key's scope: one index out of scope fails the whole request (403)", async () => {
    const books = await newKey(["search"], ["ms-books"]);
    const asBooks = api(server, books);
    expect((await asBooks("POST", path, { queries: [{ indexId: "ms-books", term: "apple" }] })).status).toBe(200);
    const r = await asBooks("POST", path, { queries: [{ indexId: "ms-books", term: "apple" }, { indexId: "ms-films", term: "apple" }] });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("forbidden");
    expect(r.json.error.message).toContain("queries[1]");
    expect(r.json.error.details).toMatchObject({ query: 1, indexId: "ms-films" });
    // Scope is checked before existence: an unknown index out of scope is 403, not 404.
    expect((await asBooks("POST", path, { queries: [{ indexId: "nope", term: "x" }] })).status).toBe(403);
    // The key as the SDK sends it (api-key query parameter) works too.
    const viaQuery = await api(server, null)("POST", `${path}?api-key=${books}`, { queries: [{ indexId: "ms-books" }] });
    expect(viaQuery.status).toBe(200);
  });

  it("needs a key with the search action (401 without, 403 for an ingest key)", async () => {
    const body = { queries: [{ indexId: "ms-books", term: "apple" }] };
    const none = await api(server, null)("POST", path, body);
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe("unauthorized");
    const ingest = await api(server, await newKey(["ingest", "deploy"], ["*"]))("POST", path, body);
    expect(ingest.status).toBe(403);
    expect((await api(server, await newKey(["search"], ["*"]))("POST", path, body)).status).toBe(200);
  });

  it("validates each query like a single search: 400 invalid_search naming the query", async () => {
    const shape = await call("POST", path, { queries: [{ indexId: "ms-books", term: "x" }, { indexId: "ms-books", limit: 5000, nonsense: 1 }] });
    expect(shape.status).toBe(400);
    expect(shape.json.error.code).toBe("invalid_search");
    expect(shape.json.error.message).toContain("queries[1]");
    expect(shape.json.error.details.map((d: { parameter: string }) => d.parameter).sort()).toEqual(["limit", "nonsense"]);
    expect(shape.json.error.details.every((d: { query: number }) => d.query === 1)).toBe(true);
    // Against the live version's schema (checked in the verb, as a single search does).
    const schema = await call("POST", path, { queries: [{ indexId: "ms-books", term: "x", where: { nope: { eq: 1 } } }] });
    expect(schema.status).toBe(400);
    expect(schema.json.error.code).toBe("invalid_search");
    expect(schema.json.error.details[0]).toMatchObject({ query: 0, parameter: "where", property: "nope" });
  });

  it("bounds the number of queries: 20 pass, 21 are 400", async () => {
    const q = { indexId: "ms-books", term: "apple" };
    const twenty = await call("POST", path, { queries: Array.from({ length: 20 }, () => q) });
    expect(twenty.status).toBe(200);
    expect(twenty.json.results).toHaveLength(20);
    const more = await call("POST", path, { queries: Array.from({ length: 21 }, () => q) });
    expect(more.status).toBe(400);
    expect(more.json.error.code).toBe("invalid_request");
  });

  it("answers bad requests and failing queries with 4xx, never 5xx", async () => {
    const cases: [unknown, number, string?][] = [
      [{}, 400],
      [{ queries: "x" }, 400],
      [{ queries: [{ term: "apple" }] }, 400],
      [{ queries: [{ indexId: "" }] }, 400],
      [{ queries: [{ indexId: 5 }] }, 400],
      [{ queries: [], extra: 1 }, 400],
      [[1, 2], 400],
      [{ queries: [null] }, 400],
      [{ queries: [{ indexId: "ms-books", where: "junk" }] }, 400],
      [{ queries: [{ indexId: "missing-index", term: "x" }] }, 404, "not_found"],
      [{ queries: [{ indexId: "ms-books" }, { indexId: "ms-empty", term: "x" }] }, 404, "not_deployed"],
    ];
    for (const [body, status, code] of cases) {
      const r = await call("POST", path, body);
      expect(r.status, `${JSON.stringify(body)} → ${r.text}`).toBe(status);
      expect(r.json.error.code).toBeTypeOf("string");
      if (code) expect(r.json.error.code).toBe(code);
    }
    const junk = await call("POST", path, "{not json", { "content-type": "application/json" });
    expect(junk.status).toBe(400);
    const text = await call("POST", path, "queries", { "content-type": "text/plain" });
    expect(text.status).toBe(415);
  });
});
