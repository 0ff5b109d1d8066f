// The inbound webhook data source over real HTTP: the real @oramacloud/client SDK, every bad input
// refused with nothing queued, Idempotency-Key, and a crash in the middle of an upload.
import http from "node:http";
import { CloudManager } from "@oramacloud/client";
import { describe, expect, it } from "vitest";
import { MASTER_KEY, settle } from "../testing/server";
import { serverSuite } from "../testing/fixture";

const suite = serverSuite({ NOTIFY_MAX_BYTES: "4096", SNAPSHOT_MAX_BYTES: "8192", NDJSON_MAX_BYTES: "65536" }, { prefix: "api", schema: { title: "string", year: "number", meta: { rating: "number" } } });
const { call, newIndex } = suite;
const pending = async (id: string) => (await call("GET", `/api/v1/indexes/${id}`)).json.pending;
const taskCount = async (id: string) => (await call("GET", `/api/v1/tasks?indexUids=${id}`)).json.total;

describe("the Orama Cloud SDK (CloudManager) against this server", () => {
  it("snapshot, insert, update, delete, hasPendingOperations, updateSchema, deploy and empty all succeed", async () => {
    const id = await newIndex();
    const manager = new CloudManager({ api_key: MASTER_KEY, baseURL: `${suite.server.url}/api/v1` });
    const index = manager.index(id);
    expect(await index.hasPendingOperations()).toBe(false);
    expect(await index.snapshot([{ id: "1", title: "Alien", year: 1979 }, { id: 2, title: "Heat", year: 1995 }])).toBe(true);
    expect(await index.insert([{ id: "3", title: "Arrival", year: 2016 }])).toBe(true);
    expect(await index.update([{ id: "3", title: "Arrival", year: 2016, meta: { rating: 8 } }])).toBe(true);
    expect(await index.delete(["1"])).toBe(true);
    expect(await index.hasPendingOperations()).toBe(true);
    expect(await index.updateSchema({ schema: { title: "string", year: "number", meta: { rating: "number" }, extra: "string" } })).toBe(true);
    // Counted against the (empty) live version: "2" and "3" will be added; "1" comes and goes.
    expect(await pending(id)).toEqual({ upserts: 2, updates: 0, removes: 0, snapshot: true, total: 3 });
    expect(await index.deploy()).toBe(true);
    const tasks = (await call("GET", `/api/v1/tasks?indexUids=${id}`)).json.results;
    expect(tasks.map((t: { type: string }) => t.type)).toEqual(["deploy", "updateSchema", "notify", "notify", "notify", "snapshot"]);
    expect((await call("GET", `/api/v1/indexes/${id}`)).json.schema.extra).toBe("string");
    await settle(call, tasks[0].uid);
    expect(await index.hasPendingOperations()).toBe(false);
    expect(await index.empty()).toBe(true);
    // An empty snapshot: both live documents go at the next deploy.
    expect(await pending(id)).toEqual({ upserts: 0, updates: 0, removes: 2, snapshot: true, total: 3 });
  });

  it("answers what the SDK reads: { success: true } and the task", async () => {
    const id = await newIndex();
    const r = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "a", title: "A" }] });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ success: true, taskUid: expect.any(Number), task: { status: "enqueued", type: "notify", indexUid: id } });
    expect((await call("GET", `/api/v1/tasks/${r.json.taskUid}`)).json.uid).toBe(r.json.taskUid);
  });
});

describe("bad input is refused with a clear error and nothing is queued", () => {
  const cases: [string, string, string | undefined, string, number, string][] = [
    ["malformed JSON (notify)", "notify", "application/json", "{nope", 400, "invalid_json"],
    ["malformed JSON (snapshot)", "snapshot", "application/json", "[{", 400, "invalid_json"],
    ["empty body", "notify", "application/json", "", 400, "invalid_json"],
    ["unknown notify field", "notify", "application/json", '{"insert":[]}', 400, "invalid_request"],
    ["wrong content type (notify)", "notify", "text/plain", "{}", 415, "unsupported_media_type"],
    ["wrong content type (snapshot)", "snapshot", "text/csv", "id\n1", 415, "unsupported_media_type"],
    ["notify over the limit", "notify", "application/json", JSON.stringify({ upsert: [{ id: "x", title: "y".repeat(5000) }] }), 413, "payload_too_large"],
    ["JSON snapshot over the limit", "snapshot", "application/json", JSON.stringify([{ id: "x", title: "y".repeat(9000) }]), 413, "payload_too_large"],
    ["NDJSON over the limit", "snapshot", "application/x-ndjson", '{"id":"x"}\n'.repeat(7000), 413, "payload_too_large"],
    ["an invalid document", "notify", "application/json", '{"upsert":[{"id":"1","title":1}]}', 400, "invalid_documents"],
    ["a snapshot that is not an array", "snapshot", "application/json", '{"id":1}', 400, "invalid_request"],
    ["an invalid NDJSON line", "snapshot", "application/x-ndjson", '{"id":1}\n{"id":2,"year":"x"}\n', 400, "invalid_documents"],
  ];
  it.each(cases)("%s", async (_name, op, type, body, status, code) => {
    const id = await newIndex();
    const r = await call("POST", `/api/v1/webhooks/${id}/${op}`, body, type ? { "content-type": type } : {});
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message).toEqual(expect.any(String));
    expect(await taskCount(id)).toBe(0);
    expect((await call("POST", `/api/v1/webhooks/${id}/has-data`)).json).toEqual({ hasData: false });
  });

  it("lists each invalid item with position, path, expected and got", async () => {
    const id = await newIndex();
    const r = await call("POST", `/api/v1/webhooks/${id}/snapshot`, [{ id: 1, title: "ok" }, { id: 2, meta: { rating: "high" } }, { title: "x" }]);
    expect(r.status).toBe(400);
    expect(r.json.error.details).toEqual([
      { at: "[1]", path: "meta.rating", expected: "number", got: "string", value: '"high"' },
      { at: "[2]", path: "id", expected: "string (1–512 characters) or integer", got: "undefined" },
    ]);
  });

  it("answers 404 for an unknown index on every webhook", async () => {
    for (const op of ["snapshot", "notify", "deploy", "has-data", "update-schema"]) {
      const r = await call("POST", `/api/v1/webhooks/no-such-index/${op}`, op === "snapshot" ? [] : op === "update-schema" ? { title: "string" } : { upsert: [] });
      expect(r.status, op).toBe(404);
      expect(r.json.error.code).toBe("not_found");
    }
  });

  it("refuses a schema change that queued documents do not fit, naming them", async () => {
    const id = await newIndex();
    await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "d1", title: "words" }] });
    const r = await call("POST", `/api/v1/webhooks/${id}/update-schema`, { schema: { title: "number" } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("schema_mismatch");
    expect(r.json.error.details).toEqual([{ documentId: "d1", source: "pending", path: "title", expected: "number", got: "string", value: '"words"' }]);
    const patch = await call("PATCH", `/api/v1/indexes/${id}`, { schema: { title: "boolean" } });
    expect(patch.status).toBe(400);
    expect((await call("GET", `/api/v1/indexes/${id}`)).json.schema.title).toBe("string");
  });
});

describe("Idempotency-Key over HTTP", () => {
  it("replays the first task with Idempotent-Replayed, and 422 for a different body", async () => {
    const id = await newIndex();
    const body = { upsert: [{ id: "a", title: "A" }] };
    const first = await call("POST", `/api/v1/webhooks/${id}/notify`, body, { "idempotency-key": "order-42" });
    const again = await call("POST", `/api/v1/webhooks/${id}/notify`, body, { "idempotency-key": "order-42" });
    expect(again.status).toBe(202);
    expect(again.json.taskUid).toBe(first.json.taskUid);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await pending(id)).upserts).toBe(1);
    const other = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "b" }] }, { "idempotency-key": "order-42" });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
  });
});

describe("index management", () => {
  it("creates, refuses duplicates and bad schemas, deletes with its data", async () => {
    const id = await newIndex();
    const dup = await call("POST", "/api/v1/indexes", { id, name: "again", schema: { title: "string" } });
    expect(dup.status).toBe(409);
    const bad = await call("POST", "/api/v1/indexes", { id: "Bad Id", name: "x", schema: { title: "text", meta: { n: 5 } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["id", "schema.meta.n", "schema.title"]);
    const generated = await call("POST", "/api/v1/indexes", { name: "Generated", schema: { title: "string" } });
    expect(generated.json.id).toMatch(/^idx_[a-z0-9]{12}$/);
    await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "a" }] });
    expect((await call("DELETE", `/api/v1/indexes/${id}`)).status).toBe(200);
    expect((await call("GET", `/api/v1/indexes/${id}`)).status).toBe(404);
    expect((await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "b" }] })).status).toBe(404);
    const tasks = (await call("GET", `/api/v1/tasks?indexUids=${id}`)).json.results;
    expect(tasks.map((t: { status: string }) => t.status)).toEqual(["canceled"]);
  });

  it("keeps the schema's properties in the order they were written, nested ones too", async () => {
    const schema = { zeta: "string", alpha: "number", meta: { z: "boolean", a: "string" }, mid: "enum" };
    const made = await call("POST", "/api/v1/indexes", { name: "Ordered", schema });
    expect(made.status, made.text).toBe(201);
    const read = (await call("GET", `/api/v1/indexes/${made.json.id}`)).json.schema;
    expect(JSON.stringify(read)).toBe(JSON.stringify(schema));
    const next = { mid: "enum", zeta: "string", alpha: "number", meta: { z: "boolean", a: "string" }, added: "string" };
    expect((await call("POST", `/api/v1/webhooks/${made.json.id}/update-schema`, { schema: next })).status).toBe(202);
    expect(JSON.stringify((await call("GET", `/api/v1/indexes/${made.json.id}`)).json.schema)).toBe(JSON.stringify(next));
  });
});

describe("a crash never loses what was acknowledged", () => {
  it("acknowledged notifies survive a SIGKILL; a half-received upload is never queued", async () => {
    const id = await newIndex();
    const acked: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: `n${i}`, title: "t" }] });
      expect(r.status).toBe(202);
      acked.push(r.json.taskUid);
    }
    // Start an NDJSON upload and kill the server while it streams.
    const url = new URL(`${suite.server.url}/api/v1/webhooks/${id}/snapshot`);
    const req = http.request(url, { method: "POST", headers: { authorization: `Bearer ${MASTER_KEY}`, "content-type": "application/x-ndjson" } });
    req.on("error", () => {});
    req.write('{"id":"half"}\n'.repeat(1200));
    await new Promise((r) => setTimeout(r, 700));
    await suite.server.crash();
    req.destroy();
    await suite.server.restart();
    const after = (await call("GET", `/api/v1/tasks?indexUids=${id}`)).json;
    expect(after.results.map((t: { uid: number }) => t.uid).sort()).toEqual([...acked].sort());
    expect(await pending(id)).toEqual({ upserts: 5, updates: 0, removes: 0, snapshot: false, total: 5 });
  });
});
