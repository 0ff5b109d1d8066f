// Anything acknowledged is deployable, over real HTTP with the default limits: a poison document is
// either refused at ingest (400 invalid_documents naming the document, the property and the limit) or
// accepted and deployed, and the index keeps deploying afterwards.
import { describe, expect, it } from "vitest";
import { serverSuite } from "../testing/fixture";

const MAX_BYTES = 1024 * 1024;
const MAX_TOKENS = 65_536;

const suite = serverSuite({}, { prefix: "lim", schema: { title: "string", tags: "string[]" } });
const { call, newIndex } = suite;
const deploy = (id: string) => suite.deploy(id, 120_000);
const hits = async (id: string, term: string) =>
  (await call("POST", `/api/v1/indexes/${id}/search`, { term })).json.hits.map((h: { id: string }) => h.id);
// Distinct base-36 numbers: 200,000 of them are ≈ 0.95 MB, under the size limit.
const words = (count: number) => Array.from({ length: count }, (_, i) => i.toString(36)).join(" ");
const tokenLimit = { name: "DOCUMENT_MAX_PROPERTY_TOKENS", value: MAX_TOKENS };
const sizeLimit = { name: "DOCUMENT_MAX_BYTES", value: MAX_BYTES };

describe("a long word", () => {
  it("of 512 KB is accepted, deploys (cut to the token limit) and is found; later deploys keep working", async () => {
    const id = await newIndex();
    const word = "a".repeat(524_288);
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "1", title: word }] })).status).toBe(202);
    const done = await deploy(id);
    expect(done.error).toBeNull();
    expect(done.status).toBe("succeeded");
    // Search terms are capped at 1024 characters by the search contract; the tokenizer cuts them to 256 too.
    expect(await hits(id, word.slice(0, 1024))).toEqual(["1"]);
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "2", title: "small" }] })).status).toBe(202);
    expect((await deploy(id)).status).toBe("succeeded");
    expect(await hits(id, "small")).toEqual(["2"]);
  });

  it("of 1 MB is refused at ingest with the document size limit, and nothing is queued", async () => {
    const id = await newIndex();
    const r = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "1", title: "a".repeat(MAX_BYTES) }] });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_documents");
    expect(r.json.error.details).toEqual([
      { at: "upsert[0]", id: "1", path: "(document)", expected: `at most ${MAX_BYTES} bytes of JSON`, got: `${MAX_BYTES + 21} bytes`, limit: sizeLimit },
    ]);
    expect((await call("POST", `/api/v1/webhooks/${id}/has-data`)).json).toEqual({ hasData: false });
  });
});

describe("many distinct words", () => {
  it("over the token limit are refused in notify, JSON and NDJSON snapshots, naming document, property and limit", async () => {
    const id = await newIndex();
    const many = words(200_000);
    expect(Buffer.byteLength(many)).toBeLessThan(MAX_BYTES - 100);
    const expected = { path: "title", expected: `at most ${MAX_TOKENS} indexed tokens (distinct words per value)`, got: "200000 tokens", limit: tokenLimit };

    const notify = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "ok", title: "fine" }, { id: "many", title: many }] });
    expect(notify.status).toBe(400);
    expect(notify.json.error).toMatchObject({ code: "invalid_documents", details: [{ at: "upsert[1]", id: "many", ...expected }] });

    const json = await call("POST", `/api/v1/webhooks/${id}/snapshot`, [{ id: "many", title: many }]);
    expect(json.status).toBe(400);
    expect(json.json.error.details).toEqual([{ at: "[0]", id: "many", ...expected }]);

    const ndjson = await call(
      "POST",
      `/api/v1/webhooks/${id}/snapshot`,
      `${JSON.stringify({ id: "ok", title: "fine" })}\n${JSON.stringify({ id: "many", tags: ["x", many] })}\n`,
      { "content-type": "application/x-ndjson" },
    );
    expect(ndjson.status).toBe(400);
    expect(ndjson.json.error.details).toEqual([{ at: "line 2", id: "many", ...expected, path: "tags", got: "200001 tokens" }]);
    expect((await call("GET", `/api/v1/tasks?indexUids=${id}`)).json.total).toBe(0);
  });

  // Seconds on an idle machine; a deploy of 1.4 MB through a loaded shared box needs more than 60 s.
  it("a document at every limit is accepted and deploys", { timeout: 180_000 }, async () => {
    const id = await newIndex();
    const atTokens = { id: "tokens", title: words(MAX_TOKENS), tags: ["x", "y"] };
    const pad = { id: "bytes", other: "" };
    pad.other = "x".repeat(MAX_BYTES - Buffer.byteLength(JSON.stringify(pad)));
    expect(Buffer.byteLength(JSON.stringify(pad))).toBe(MAX_BYTES);
    expect((await call("POST", `/api/v1/webhooks/${id}/snapshot`, [atTokens, pad])).status).toBe(202);
    const done = await deploy(id);
    expect(done.status).toBe("succeeded");
    expect(await hits(id, "1ekf")).toEqual(["tokens"]); // 65,535 in base 36: the last word
  });

  it("in a property the schema starts indexing: the schema change is refused", async () => {
    const id = await newIndex({ title: "string" });
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "1", title: "t", body: words(MAX_TOKENS + 1) }] })).status).toBe(202);
    const r = await call("POST", `/api/v1/webhooks/${id}/update-schema`, { schema: { title: "string", body: "string" } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("schema_mismatch");
    expect(r.json.error.details).toMatchObject([{ path: "body", documentId: "1", source: "pending", limit: tokenLimit }]);
  });
});
