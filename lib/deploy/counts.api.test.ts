// Change counts against the live version (issue 16, items 1, 2 and 13): the diff preview, the pending
// counts, the deploy task's details and the deploy history all say added, changed, removed alike.
import { describe, expect, it } from "vitest";
import { serverSuite } from "../testing/fixture";

const suite = serverSuite({}, { prefix: "counts", schema: { title: "string", year: "number" } });
const { call, newIndex } = suite;
const docs = (from: number, to: number, title = "doc") => Array.from({ length: to - from }, (_, i) => ({ id: `d${from + i}`, title: `${title} ${from + i}`, year: 2000 }));
const deploy = (id: string) => suite.deploy(id, 60_000);
const preview = async (id: string) => (await call("GET", `/api/v1/indexes/${id}/diff?limit=0`)).json;
const pending = async (id: string) => (await call("GET", `/api/v1/indexes/${id}`)).json.pending;
const latest = async (id: string) => (await call("GET", `/api/v1/indexes/${id}/deployments?limit=1`)).json.results[0];

async function live(id: string, body: unknown[]) {
  expect((await call("POST", `/api/v1/webhooks/${id}/snapshot`, body)).status).toBe(202);
  expect((await deploy(id)).status).toBe("succeeded");
}

describe("counts against the live version", () => {
  it("one edited document plus 500 new ones: +500 ~1 −0 in the preview, the pending counts, the task and the history", async () => {
    const id = await newIndex();
    await live(id, docs(0, 1));
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "d0", title: "edited", year: 2001 }, ...docs(1, 501)] })).status).toBe(202);
    expect(await preview(id)).toMatchObject({ upserted: 500, updated: 1, removed: 0, unchanged: 0, total: 501 });
    expect(await pending(id)).toEqual({ upserts: 500, updates: 1, removes: 0, snapshot: false, total: 501 });
    const done = await deploy(id);
    expect(done.details).toMatchObject({ upserted: 500, updated: 1, removed: 0, total: 501 });
    expect(await latest(id)).toMatchObject({ upserted: 500, updated: 1, removed: 0, documentCount: 501 });
    expect(await pending(id)).toMatchObject({ upserts: 0, updates: 0, removes: 0, total: 0 });
  });

  it("six edits (upserts and partial updates) plus one new: +1 ~6", async () => {
    const id = await newIndex();
    await live(id, docs(0, 10));
    const edits = { upsert: [...docs(0, 3, "edited"), ...docs(20, 21)], update: [{ id: "d3", year: 1999 }, { id: "d4", year: 1998 }, { id: "d5", title: "new title" }] };
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, edits)).status).toBe(202);
    expect(await preview(id)).toMatchObject({ upserted: 1, updated: 6, removed: 0, total: 11 });
    expect(await pending(id)).toEqual({ upserts: 1, updates: 6, removes: 0, snapshot: false, total: 7 });
    expect((await deploy(id)).details).toMatchObject({ upserted: 1, updated: 6, removed: 0 });
    expect(await latest(id)).toMatchObject({ upserted: 1, updated: 6, removed: 0 });
  });

  it("re-upserting (or updating to) identical content is unchanged, not a change", async () => {
    const id = await newIndex();
    await live(id, docs(0, 3));
    await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: docs(0, 2), update: [{ id: "d2", year: 2000 }] });
    expect(await preview(id)).toMatchObject({ upserted: 0, updated: 0, removed: 0, unchanged: 3, total: 3, changes: [] });
    expect(await pending(id)).toEqual({ upserts: 0, updates: 0, removes: 0, snapshot: false, total: 0 });
    expect((await deploy(id)).details).toMatchObject({ upserted: 0, updated: 0, removed: 0, total: 3 });
    expect(await latest(id)).toMatchObject({ upserted: 0, updated: 0, removed: 0 });
  });

  it("a 500-document snapshot over 2,000 live ones: the pending counts show the removals, as the preview does", async () => {
    const id = await newIndex();
    await live(id, docs(0, 2000));
    // 400 kept as they are, 50 edited, 50 new: 1,550 live documents go.
    const snapshot = [...docs(0, 400), ...docs(400, 450, "edited"), ...docs(5000, 5050)];
    expect((await call("POST", `/api/v1/webhooks/${id}/snapshot`, snapshot)).status).toBe(202);
    expect(await preview(id)).toMatchObject({ upserted: 50, updated: 50, removed: 1550, unchanged: 400, total: 500 });
    expect(await pending(id)).toEqual({ upserts: 50, updates: 50, removes: 1550, snapshot: true, total: 1651 });
    const list = (await call("GET", "/api/v1/indexes")).json.results.find((i: { id: string }) => i.id === id);
    expect(list.pending).toMatchObject({ upserts: 50, updates: 50, removes: 1550 });
    expect((await deploy(id)).details).toMatchObject({ upserted: 50, updated: 50, removed: 1550, total: 500 });
  });
});

describe("schema change dry run", () => {
  it("?dryRun=true refuses what the real change would refuse, with the count of documents, and saves nothing either way", async () => {
    const id = await newIndex();
    await live(id, docs(0, 120));
    const refused = await call("PATCH", `/api/v1/indexes/${id}?dryRun=true`, { schema: { title: "number", year: "number" } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("schema_mismatch");
    expect(refused.json.error.message).toContain("does not fit 120 documents");
    expect(refused.json.error.details).toHaveLength(50);
    const fits = await call("PATCH", `/api/v1/indexes/${id}?dryRun=true`, { schema: { title: "string", year: "number", tag: "string" } });
    expect(fits.status).toBe(200);
    expect(fits.json.schema).toEqual({ title: "string", year: "number", tag: "string" });
    expect((await call("GET", `/api/v1/indexes/${id}`)).json.schema).toEqual({ title: "string", year: "number" });
    expect((await call("PATCH", `/api/v1/indexes/${id}?dryRun=maybe`, { schema: { title: "string" } })).status).toBe(400);
  });
});
