// Deploys and search over real HTTP with the real SDK: snapshot → deploy → OramaClient.search;
// notify invisible until deployed; history, rollback and the diff preview; notifies during a deploy.
import { CloudManager, OramaClient } from "@oramacloud/client";
import { beforeAll, describe, expect, it } from "vitest";
import { api, settle } from "../testing/server";
import { serverSuite } from "../testing/fixture";

const suite = serverSuite({}, { prefix: "dep", schema: { title: "string", year: "number", genre: "enum" } });
const { call, newIndex, deploy } = suite;
let searchKey: string;
beforeAll(async () => {
  const made = await call("POST", "/api/v1/keys", { name: "public", actions: ["search"], indexes: ["*"] });
  searchKey = made.json.key;
});

const search = async (id: string, body: unknown) => (await call("POST", `/api/v1/indexes/${id}/search`, body)).json;

describe("the SDK round trip", () => {
  it("snapshot → deploy → OramaClient.search finds it; notify shows only after the next deploy; a new snapshot replaces all", async () => {
    const id = await newIndex();
    const index = new CloudManager({ api_key: (await call("POST", "/api/v1/keys", { name: "p", actions: ["ingest", "deploy"] })).json.key, baseURL: `${suite.server.url}/api/v1` }).index(id);
    expect(await index.snapshot([{ id: "1", title: "Alien", year: 1979, genre: "scifi" }, { id: "2", title: "Heat", year: 1995, genre: "crime" }])).toBe(true);
    expect(await index.deploy()).toBe(true);
    const tasks = (await call("GET", `/api/v1/tasks?indexUids=${id}&types=deploy`)).json.results;
    const done = await settle(call, tasks[0].uid);
    expect(done.status).toBe("succeeded");
    expect(done.details).toMatchObject({ upserted: 2, updated: 0, removed: 0, total: 2, version: 1 });

    const client = new OramaClient({ endpoint: `${suite.server.url}/api/v1/indexes/${id}`, api_key: searchKey, telemetry: false });
    const found = await client.search({ term: "alien" });
    expect(found!.count).toBe(1);
    expect(found!.hits[0].document).toMatchObject({ id: "1", title: "Alien" });

    await index.insert([{ id: "3", title: "Alien Resurrection", year: 1997, genre: "scifi" }]);
    expect((await client.search({ term: "alien" }, { fresh: true }))!.count).toBe(1);
    await deploy(id);
    expect((await client.search({ term: "alien" }, { fresh: true }))!.count).toBe(2);

    await index.snapshot([{ id: "9", title: "Arrival", year: 2016, genre: "scifi" }]);
    const replaced = await deploy(id);
    expect(replaced.details).toMatchObject({ upserted: 1, removed: 3, total: 1 });
    expect((await client.search({ term: "alien" }, { fresh: true }))!.count).toBe(0);
    expect((await client.search({ term: "arrival" }, { fresh: true }))!.count).toBe(1);
  });
});

describe("search API", () => {
  it("takes Orama's parameters (where, facets, sortBy, limit) and refuses unknown ones by name", async () => {
    const id = await newIndex();
    await call("POST", `/api/v1/webhooks/${id}/snapshot`, [
      { id: "a", title: "The Matrix", year: 1999, genre: "scifi" },
      { id: "b", title: "The Godfather", year: 1972, genre: "crime" },
      { id: "c", title: "The Thing", year: 1982, genre: "scifi" },
    ]);
    await deploy(id);
    const r = await search(id, { term: "the", where: { genre: { eq: "scifi" } }, facets: { genre: {} }, sortBy: { property: "year", order: "DESC" }, limit: 5 });
    expect(r.hits.map((h: { id: string }) => h.id)).toEqual(["a", "c"]); // 1999 before 1982
    expect(r.facets.genre.values).toEqual({ scifi: 2 });
    expect(r.elapsed.formatted).toEqual(expect.any(String));
    const bad = await call("POST", `/api/v1/indexes/${id}/search`, { term: "x", nonsense: true, limit: 5000 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["(root)", "limit"]);
    const get = await call("GET", `/api/v1/indexes/${id}/search?q=matrix`);
    expect(get.json.hits[0].id).toBe("a");
  });

  it("answers 404 not_deployed before the first deploy, and needs a key with search on that index", async () => {
    const id = await newIndex();
    const r = await call("POST", `/api/v1/indexes/${id}/search`, { term: "x" });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("not_deployed");
    const scoped = (await call("POST", "/api/v1/keys", { name: "s", actions: ["search"], indexes: ["elsewhere"] })).json.key;
    expect((await api(suite.server, scoped)("POST", `/api/v1/indexes/${id}/search`, { term: "x" })).status).toBe(403);
    expect((await api(suite.server, null)("POST", `/api/v1/indexes/${id}/search?api-key=${encodeURIComponent(searchKey)}`, { term: "x" })).status).toBe(404);
  });
});

describe("history, rollback and the diff preview", () => {
  it("rolls back to an earlier version as a new version, keeping pending changes queued", async () => {
    const id = await newIndex();
    await call("POST", `/api/v1/webhooks/${id}/snapshot`, [{ id: "1", title: "one" }]);
    await deploy(id);
    await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "2", title: "two" }], update: [{ id: "1", year: 2001 }] });
    const preview = (await call("GET", `/api/v1/indexes/${id}/diff`)).json;
    expect(preview).toMatchObject({ upserted: 1, updated: 1, removed: 0, total: 2 });
    expect(preview.changes).toEqual([
      { type: "upsert", key: "2", value: { id: "2", title: "two" } },
      { type: "update", key: "1", updates: { year: 2001 } },
    ]);
    await deploy(id);
    const history = (await call("GET", `/api/v1/indexes/${id}/deployments`)).json.results;
    expect(history.map((d: { version: number; live: boolean }) => [d.version, d.live])).toEqual([[2, true], [1, false]]);
    expect(history[0]).toMatchObject({ status: "succeeded", upserted: 1, updated: 1, documentCount: 2 });
    expect(history[1].canRollback).toBe(true);
    expect(history[0]).toMatchObject({ createdBy: "master", createdByName: "master key" });

    await call("POST", `/api/v1/webhooks/${id}/notify`, { remove: ["1"] });
    const rb = await call("POST", `/api/v1/indexes/${id}/deployments/${history[1].id}/rollback`);
    expect(rb.status).toBe(202);
    expect((await settle(call, rb.json.taskUid)).status).toBe("succeeded");
    const after = (await call("GET", `/api/v1/indexes/${id}/deployments`)).json.results[0];
    expect(after).toMatchObject({ version: 3, kind: "rollback", rollbackOfVersion: 1, live: true, documentCount: 1, removed: 1 });
    // One deployment, and a page that leaves out the restored version, still name it.
    expect((await call("GET", `/api/v1/indexes/${id}/deployments/${after.id}`)).json.rollbackOfVersion).toBe(1);
    expect((await call("GET", `/api/v1/indexes/${id}/deployments?limit=1`)).json.results[0].rollbackOfVersion).toBe(1);
    expect((await call("GET", `/api/v1/indexes/${id}/documents`)).json.results).toEqual([{ id: "1", title: "one" }]);
    expect((await call("GET", `/api/v1/indexes/${id}`)).json.pending.removes).toBe(1);
    const again = await call("POST", `/api/v1/indexes/${id}/deployments/${after.id}/rollback`);
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("already_live");
  });

  it("notifies that arrive during a deploy all land in the next one", async () => {
    const id = await newIndex();
    await call("POST", `/api/v1/webhooks/${id}/snapshot`, Array.from({ length: 3000 }, (_, i) => ({ id: `s${i}`, title: `doc ${i}` })));
    const first = (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json.taskUid;
    const during = await Promise.all(Array.from({ length: 20 }, (_, i) => call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: `d${i}`, title: "during" }] })));
    expect(during.every((r) => r.status === 202)).toBe(true);
    const firstDone = await settle(call, first);
    const second = await deploy(id);
    expect(firstDone.details.total + second.details.upserted).toBeGreaterThanOrEqual(3000);
    const count = (await call("GET", `/api/v1/indexes/${id}`)).json;
    expect(count.documentCount).toBe(3020);
    expect(count.pending.total).toBe(0);
    expect((await search(id, { term: "during", limit: 50 })).count).toBe(20);
  });
});

describe("browsing live documents", () => {
  it("lists all-digit ids in numeric order (1, 2, 10, 100), then the others, across pages", async () => {
    const id = await newIndex();
    const ids = ["100", "b", "2", "10", "a", "1", "20", "007"];
    await call("POST", `/api/v1/webhooks/${id}/snapshot`, ids.map((d) => ({ id: d, title: `doc ${d}` })));
    expect((await deploy(id)).status).toBe("succeeded");
    const page = async (offset: number, limit: number) =>
      (await call("GET", `/api/v1/indexes/${id}/documents?offset=${offset}&limit=${limit}`)).json.results.map((d: { id: string }) => d.id);
    expect(await page(0, 20)).toEqual(["1", "2", "10", "20", "007", "100", "a", "b"]);
    expect([...(await page(0, 3)), ...(await page(3, 3)), ...(await page(6, 3))]).toEqual(["1", "2", "10", "20", "007", "100", "a", "b"]);
  });
});
