// Exact limits over HTTP: an NDJSON line of exactly MAX_LINE_BYTES is taken and one byte more is 413
// with the limit in details; JSON nested exactly MAX_JSON_DEPTH deep is parsed and one level more is 400
// json_too_deep, on notify, JSON and NDJSON snapshots, a management route, and search (body and ?q=).
// A 5,000-deep body answers the same clear error, fast, and the index keeps deploying.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../json";
import { api, settle, startServer, type TestServer } from "../testing/server";
import { MAX_LINE_BYTES } from "./ndjson";

let server: TestServer;
let call: ReturnType<typeof api>;
const IX = "lim";
beforeAll(async () => {
  server = await startServer();
  call = api(server);
  expect((await call("POST", "/api/v1/indexes", { id: IX, name: IX, schema: { title: "string" } })).status).toBe(201);
}, 300_000);
afterAll(async () => server?.stop());

/** `depth` levels in all: the document (one level) holds `depth - 1 - outer` nested arrays. */
const deepArrays = (n: number) => "[".repeat(n) + "]".repeat(n);
const notifyAt = (depth: number) => `{"upsert":[{"id":"n","title":"t","x":${deepArrays(depth - 3)}}]}`; // object, array, doc
const snapshotAt = (depth: number) => `[{"id":"s","title":"t","x":${deepArrays(depth - 2)}}]`;
const lineAt = (depth: number) => `{"id":"l","title":"t","x":${deepArrays(depth - 1)}}`;
const ndjson = (body: string | Uint8Array) => call("POST", `/api/v1/webhooks/${IX}/snapshot`, body as string, { "content-type": "application/x-ndjson" });

function expectTooDeep(r: Awaited<ReturnType<typeof call>>) {
  expect(r.status, r.text).toBe(400);
  expect(r.json.error.code).toBe("json_too_deep");
  expect(r.json.error.details).toMatchObject({ limit: MAX_JSON_DEPTH });
}

describe("JSON depth", () => {
  it(`notify, JSON and NDJSON snapshots: ${MAX_JSON_DEPTH} levels are taken, ${MAX_JSON_DEPTH + 1} refused`, async () => {
    const json = (path: string, body: string) => call("POST", `/api/v1/webhooks/${IX}/${path}`, body, { "content-type": "application/json" });
    expect((await json("notify", notifyAt(MAX_JSON_DEPTH))).status).toBe(202);
    expectTooDeep(await json("notify", notifyAt(MAX_JSON_DEPTH + 1)));
    expect((await json("snapshot", snapshotAt(MAX_JSON_DEPTH))).status).toBe(202);
    expectTooDeep(await json("snapshot", snapshotAt(MAX_JSON_DEPTH + 1)));
    expect((await ndjson(`${lineAt(MAX_JSON_DEPTH)}\n`)).status).toBe(202);
    const r = await ndjson(`{"id":"ok"}\n${lineAt(MAX_JSON_DEPTH + 1)}\n`);
    expectTooDeep(r);
    expect(r.json.error.message).toMatch(/^NDJSON line 2 /);
  });

  it("other JSON routes (readJson) and search, body and ?q=", async () => {
    const deepSchema = (depth: number) => `{"id":"deep","name":"d","schema":${'{"a":'.repeat(depth - 1)}"string"${"}".repeat(depth - 1)}}`;
    const at = await call("POST", "/api/v1/indexes", deepSchema(MAX_JSON_DEPTH), { "content-type": "application/json" });
    expect(at.json?.error?.code, at.text).not.toBe("json_too_deep");
    expect(at.status).toBeLessThan(500);
    expectTooDeep(await call("POST", "/api/v1/indexes", deepSchema(MAX_JSON_DEPTH + 1), { "content-type": "application/json" }));
    const where = (depth: number) => `{"term":"t","where":{"x":${deepArrays(depth - 2)}}}`;
    const searchAt = await call("POST", `/api/v1/indexes/${IX}/search`, where(MAX_JSON_DEPTH), { "content-type": "application/json" });
    expect(searchAt.json?.error?.code, searchAt.text).not.toBe("json_too_deep");
    expectTooDeep(await call("POST", `/api/v1/indexes/${IX}/search`, where(MAX_JSON_DEPTH + 1), { "content-type": "application/json" }));
    const q = await call("GET", `/api/v1/indexes/${IX}/search?q=${encodeURIComponent(where(MAX_JSON_DEPTH + 1))}`);
    expectTooDeep(q);
    expect(q.json.error.message).toMatch(/^q nests/);
  });

  it("5,000 levels: the limit, quickly, and the index still deploys", async () => {
    for (const path of ["notify", "snapshot"]) {
      const start = Date.now();
      expectTooDeep(await call("POST", `/api/v1/webhooks/${IX}/${path}`, `{"upsert":[${deepArrays(5000)}]}`, { "content-type": "application/json" }));
      // A bound against a parser that recurses or backtracks (that takes far longer, or crashes), not a
      // speed test: loose enough for a loaded CI machine (2 cores, two suites at once).
      expect(Date.now() - start).toBeLessThan(5000);
    }
    expectTooDeep(await ndjson(`${deepArrays(5000)}\n`));
    const task = await settle(call, (await call("POST", `/api/v1/webhooks/${IX}/deploy`)).json.taskUid);
    expect(task.status, JSON.stringify(task.error)).toBe("succeeded");
  });
});

describe("NDJSON line length", () => {
  // Padded with spaces (valid JSON whitespace): the line is long, the document small.
  const line = (bytes: number, id: string) => {
    const doc = `{"id":"${id}","title":"t"}`;
    return doc + " ".repeat(bytes - doc.length);
  };

  it(`a line of exactly ${MAX_LINE_BYTES} bytes is taken; one byte more is 413 with the limit and the line`, async () => {
    const exact = line(MAX_LINE_BYTES, "exact");
    expect(Buffer.byteLength(exact)).toBe(MAX_LINE_BYTES);
    const ok = await ndjson(`{"id":"first","title":"t"}\n${exact}\r\n{"id":"after","title":"t"}\n`);
    expect(ok.status, ok.text.slice(0, 300)).toBe(202);
    expect(ok.json.task.details).toMatchObject({ receivedDocuments: 3 });
    for (const body of [`{"id":"first","title":"t"}\n${line(MAX_LINE_BYTES + 1, "over")}\n`, `{"id":"first","title":"t"}\n${line(MAX_LINE_BYTES + 1, "over")}`]) {
      const over = await ndjson(body);
      expect(over.status, over.text.slice(0, 300)).toBe(413);
      expect(over.json.error).toMatchObject({ code: "payload_too_large", details: { limit: MAX_LINE_BYTES, line: 2 } });
    }
  }, 120_000);

  it("counts bytes, not characters", async () => {
    // Emoji are 2 UTF-16 units but 4 bytes: this line is under the limit in characters, over it in bytes.
    const doc = `{"id":"u","title":"`;
    const fill = "😀".repeat(Math.ceil((MAX_LINE_BYTES - doc.length) / 4));
    const text = `${doc}${fill}"}`;
    expect(text.length).toBeLessThan(MAX_LINE_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_LINE_BYTES);
    const r = await ndjson(`${text}\n`);
    expect(r.status).toBe(413);
    expect(r.json.error.details).toEqual({ limit: MAX_LINE_BYTES, line: 1 });
  }, 120_000);
});
