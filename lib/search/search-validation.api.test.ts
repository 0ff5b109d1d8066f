// Search parameters checked against the live version's schema, over real HTTP: each reported 500 and
// each silently ignored parameter is a 400 invalid_search naming the parameter and the property, on
// the JSON body, the SDK's form-encoded q= and GET ?q=; good searches keep working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;
const id = "fruit";

beforeAll(async () => {
  server = await startServer();
  call = api(server);
  const schema = { title: "string", n: "number", genre: "enum", tags: "string[]" };
  expect((await call("POST", "/api/v1/indexes", { id, name: id, schema })).status).toBe(201);
  await call("POST", `/api/v1/webhooks/${id}/snapshot`, [
    { id: "1", title: "apple pie", n: 1, genre: "sweet", tags: ["baked"] },
    { id: "2", title: "apple juice", n: 2, genre: "drink" },
    { id: "3", title: "green apple", n: 3, genre: "sweet", tags: ["raw"] },
  ]);
  const task = (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json;
  expect((await settle(call, task.taskUid)).status).toBe("succeeded");
});
afterAll(async () => server?.stop());

const post = (body: unknown) => call("POST", `/api/v1/indexes/${id}/search`, body);
const form = (body: unknown) => call("POST", `/api/v1/indexes/${id}/search`, `q=${encodeURIComponent(JSON.stringify(body))}&version=x&id=y`, { "content-type": "application/x-www-form-urlencoded" });
const get = (body: unknown) => call("GET", `/api/v1/indexes/${id}/search?q=${encodeURIComponent(JSON.stringify(body))}`);

const reported: [string, unknown, { parameter: string; property: string }][] = [
  ["a number facet without ranges", { term: "", facets: { n: {} } }, { parameter: "facets", property: "n" }],
  ["a facet on an unknown property", { term: "apple", facets: { nope: {} } }, { parameter: "facets", property: "nope" }],
  ["gt on an enum", { term: "apple", where: { genre: { gt: 1 } } }, { parameter: "where", property: "genre" }],
  ["distinctOn on an unknown property", { term: "apple", distinctOn: "nope" }, { parameter: "distinctOn", property: "nope" }],
  ["boost on an unknown property", { term: "apple", boost: { nope: 2 } }, { parameter: "boost", property: "nope" }],
];

describe("the reported searches", () => {
  it.each(reported)("%s: 400 invalid_search naming parameter and property, on all three wire forms", async (_name, body, named) => {
    for (const send of [post, form, get]) {
      const r = await send(body);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("invalid_search");
      expect(r.json.error.message).toContain(named.property);
      expect(r.json.error.details[0]).toMatchObject(named);
    }
  });

  it("answers the same searches done right", async () => {
    const facets = (await post({ term: "", facets: { n: { ranges: [{ from: 0, to: 2 }] }, genre: {} } })).json.facets;
    expect(facets.n.values).toEqual({ "0-2": 2 });
    expect(facets.genre.values).toMatchObject({ sweet: 2, drink: 1 });
    expect((await post({ term: "apple", where: { genre: { eq: "sweet" } } })).json.count).toBe(2);
    const distinct = (await post({ term: "apple", distinctOn: "genre" })).json;
    expect(distinct.hits).toHaveLength(2);
    expect((await form({ term: "apple", boost: { title: 2 } })).json.count).toBe(3);
    expect((await get({ term: "juice" })).json.hits[0].id).toBe("2");
  });
});

describe("every parameter", () => {
  it("answers shape errors as invalid_search too, with the failing path", async () => {
    const r = await post({ term: "x", limit: 5000, nonsense: 1 });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_search");
    expect(r.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["(root)", "limit"]);
    expect(r.json.error.details.map((d: { parameter: string }) => d.parameter).sort()).toEqual(["limit", "nonsense"]);
  });

  it("refuses bad sortBy, groupBy, vector and mode settings by name", async () => {
    const cases: [unknown, string, string?][] = [
      [{ term: "x", sortBy: { property: "genre" } }, "sortBy", "genre"],
      [{ term: "x", sortBy: { property: "nope" } }, "sortBy", "nope"],
      [{ term: "x", groupBy: { properties: ["tags"] } }, "groupBy", "tags"],
      [{ term: "x", properties: ["n"] }, "properties", "n"],
      [{ term: "x", where: { title: { eq: "apple" } } }, "where", "title"],
      [{ mode: "vector", term: "x" }, "vector"],
      [{ mode: "hybrid", term: "x", vector: { value: [1, 2], property: "title" } }, "vector", "title"],
      [{ term: "x", similarity: 0.5 }, "similarity"],
    ];
    for (const [body, parameter, property] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe("invalid_search");
      expect(r.json.error.details[0]).toMatchObject(property ? { parameter, property } : { parameter });
    }
  });

  it("counts a string[] facet over documents without the property (Orama alone: a TypeError, a 500)", async () => {
    const r = await post({ term: "apple", facets: { tags: {} } });
    expect(r.status).toBe(200);
    expect(r.json.facets.tags.values).toEqual({ baked: 1, raw: 1 });
    expect(r.json.hits.find((h: { id: string }) => h.id === "2").document).toEqual({ id: "2", title: "apple juice", n: 2, genre: "drink" });
  });

  it("init answers 404 for an unknown index and the live deployment otherwise", async () => {
    expect((await call("GET", "/api/v1/indexes/nope/init")).status).toBe(404);
    const init = await call("GET", `/api/v1/indexes/${id}/init`);
    expect(init.status).toBe(200);
    expect(init.json.deploymentID).toEqual(expect.any(String));
  });
});
