// Ingestion verbs on a real database: commit order, snapshot supersession, validation with nothing
// queued, idempotency, NDJSON streaming and abandoned uploads.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { pendingChanges, tasks, type IndexRow } from "../db/schema";
import { notifyBody } from "../contracts/webhooks";
import { AppError } from "../errors";
import { parseJsonText } from "../json";
import { createIndex, findIndex } from "../indexes/indexes";
import { pendingCounts } from "../indexes/pending";
import { listTasks } from "../tasks/tasks";
import { freshDb } from "../testing/db";
import { acceptJsonSnapshot, acceptNotify, hasData } from "./ingest";
import { deleteAbandonedUploads } from "./janitor";
import { acceptNdjsonSnapshot } from "./snapshot-ndjson";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

let n = 0;
async function newIndex(): Promise<IndexRow> {
  const dto = await createIndex({ db: h.db, input: { id: `ix${++n}`, name: "T", schema: { title: "string", year: "number" } } });
  return findIndex(h.db, dto.id);
}
const notify = (index: IndexRow, body: unknown, idempotencyKey?: string) =>
  acceptNotify({ db: h.db, index, createdBy: "master", idempotencyKey, body: notifyBody.parse(body) });
const snapshot = (index: IndexRow, docs: unknown) => acceptJsonSnapshot({ db: h.db, index, createdBy: "master", docs });
const pending = async (index: IndexRow) => (await pendingCounts(h.db, [index.id])).get(index.id);
const rowsOf = (index: IndexRow) => h.db.select().from(pendingChanges).where(eq(pendingChanges.indexId, index.id));
const tasksOf = async (index: IndexRow) => (await listTasks(h.db, { limit: 100, indexUids: [index.id] })).results;

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(typeof chunk === "string" ? enc.encode(chunk) : chunk);
      c.close();
    },
  });
}
const ndjson = (index: IndexRow, chunks: (string | Uint8Array)[], limit = 1 << 30, idempotencyKey?: string) =>
  acceptNdjsonSnapshot({ db: h.db, index, body: streamOf(chunks), limit, createdBy: "master", idempotencyKey });

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("notify", () => {
  it("commits the task and its changes before answering", async () => {
    const ix = await newIndex();
    const { task } = await notify(ix, { upsert: [{ id: 1, title: "A" }], update: [{ id: "2", year: 2000 }], remove: [3, "4"] });
    expect(task.status).toBe("enqueued");
    expect(task.details).toMatchObject({ upserts: 1, updates: 1, removes: 2 });
    // Pending counts are against the live version (none here): the update and the removals change nothing.
    expect(await pending(ix)).toEqual({ upserts: 1, updates: 0, removes: 0, snapshot: false, total: 1 });
    expect((await rowsOf(ix)).find((r) => r.op === "upsert")!.doc).toEqual({ id: "1", title: "A" });
    expect(await hasData(h.db, ix.id)).toBe(true);
  });

  it("refuses the whole request when one item is bad, listing every bad item, and queues nothing", async () => {
    const ix = await newIndex();
    const err = await rejection(
      notify(ix, { upsert: [{ id: 1, title: "ok" }, { id: 2, title: 7 }, { title: "no id" }, "nope"], update: [{ id: 5, year: "x" }], remove: [{}] }),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe("invalid_documents");
    expect(err.details).toEqual(
      expect.arrayContaining([
        { at: "upsert[1]", path: "title", expected: "string", got: "number", value: "7" },
        { at: "upsert[2]", path: "id", expected: "string (1–512 characters) or integer", got: "undefined" },
        { at: "upsert[3]", path: "(document)", expected: "object", got: "string", value: '"nope"' },
        { at: "update[0]", path: "year", expected: "number", got: "string", value: '"x"' },
        { at: "remove[0]", path: "(id)", expected: "string or integer id", got: "object", value: "{}" },
      ]),
    );
    expect(await rowsOf(ix)).toHaveLength(0);
    expect(await tasksOf(ix)).toHaveLength(0);
    expect(await hasData(h.db, ix.id)).toBe(false);
  });

  it("drops __proto__ and constructor keys instead of polluting anything", async () => {
    const ix = await newIndex();
    // The body as route() parses it (lib/json.ts), then the verb.
    const body = notifyBody.parse(parseJsonText('{"upsert":[{"id":"p","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"title":"t"}]}'));
    await acceptNotify({ db: h.db, index: ix, createdBy: "master", body });
    const [row] = await rowsOf(ix);
    expect(Object.keys(row.doc!)).toEqual(["id", "title"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("snapshot", () => {
  it("supersedes what was pending before it; later changes apply on top", async () => {
    const ix = await newIndex();
    const before = await notify(ix, { upsert: [{ id: "old" }], remove: ["x"] });
    await snapshot(ix, [{ id: "a" }, { id: "b" }]);
    await notify(ix, { upsert: [{ id: "c" }] });
    expect(await pending(ix)).toEqual({ upserts: 3, updates: 0, removes: 0, snapshot: true, total: 4 });
    expect((await rowsOf(ix)).some((r) => r.docId === "old")).toBe(false);
    const [superseded] = await h.db.select().from(tasks).where(eq(tasks.uid, before.task.uid));
    expect(superseded.details.supersededBy).toBeGreaterThan(before.task.uid);
  });

  it("an empty snapshot (the SDK's empty()) clears everything", async () => {
    const ix = await newIndex();
    await notify(ix, { upsert: [{ id: "a" }] });
    await snapshot(ix, []);
    expect(await pending(ix)).toEqual({ upserts: 0, updates: 0, removes: 0, snapshot: true, total: 1 });
  });

  it("a JSON snapshot must be an array", async () => {
    const ix = await newIndex();
    expect((await rejection(snapshot(ix, { id: 1 }))).status).toBe(400);
    expect(await tasksOf(ix)).toHaveLength(0);
  });
});

describe("Idempotency-Key", () => {
  it("a repeated request returns the first task and queues nothing twice", async () => {
    const ix = await newIndex();
    const first = await notify(ix, { upsert: [{ id: "a" }] }, "k1");
    const again = await notify(ix, { upsert: [{ id: "a" }] }, "k1");
    expect(again.replayed).toBe(true);
    expect(again.task.uid).toBe(first.task.uid);
    expect(await rowsOf(ix)).toHaveLength(1);
  });

  it("the same key with another body is refused with 422", async () => {
    const ix = await newIndex();
    await notify(ix, { upsert: [{ id: "a" }] }, "k2");
    const err = await rejection(notify(ix, { upsert: [{ id: "b" }] }, "k2"));
    expect(err.status).toBe(422);
    expect(err.code).toBe("idempotency_key_reused");
  });

  it("concurrent requests with one key create one task", async () => {
    const ix = await newIndex();
    const results = await Promise.all([1, 2, 3].map(() => notify(ix, { upsert: [{ id: "a" }] }, "k3")));
    expect(new Set(results.map((r) => r.task.uid)).size).toBe(1);
    expect(await rowsOf(ix)).toHaveLength(1);
  });
});

describe("NDJSON snapshot", () => {
  it("streams lines split anywhere, multi-byte characters included", async () => {
    const ix = await newIndex();
    const bytes = new TextEncoder().encode('{"id":"é","title":"naïve ☃"}\n{"id":2,"ti');
    const { task } = await ndjson(ix, [bytes.slice(0, 9), bytes.slice(9, 25), bytes.slice(25), 'tle":"two"}\r\n\n{"id":3}']);
    expect(task.details).toMatchObject({ receivedDocuments: 3, format: "ndjson" });
    const docs = (await rowsOf(ix)).filter((r) => r.op === "upsert").map((r) => r.doc);
    expect(docs).toEqual([{ id: "é", title: "naïve ☃" }, { id: "2", title: "two" }, { id: "3" }]);
  });

  it("refuses bad lines by number and leaves no task or row behind", async () => {
    const ix = await newIndex();
    await notify(ix, { upsert: [{ id: "kept" }] });
    const err = await rejection(ndjson(ix, ['{"id":1}\n', "{oops\n", '{"id":3,"year":"x"}\n']));
    expect(err.status).toBe(400);
    expect(err.details).toEqual([
      { at: "line 2", path: "(line)", expected: "a JSON document", got: expect.stringContaining("invalid JSON") },
      { at: "line 3", path: "year", expected: "number", got: "string", value: '"x"' },
    ]);
    expect((await rowsOf(ix)).map((r) => r.docId)).toEqual(["kept"]);
    expect(await h.db.select().from(tasks).where(eq(tasks.indexUid, ix.id))).toHaveLength(1);
  });

  it("answers 413 past the limit and leaves nothing", async () => {
    const ix = await newIndex();
    const err = await rejection(ndjson(ix, ['{"id":1}\n'.repeat(50), '{"id":2}\n'.repeat(50)], 600));
    expect(err.status).toBe(413);
    expect(await h.db.select().from(tasks).where(eq(tasks.indexUid, ix.id))).toHaveLength(0);
  });

  it("is invisible while it streams, ordered by commit, and an abandoned one is cleaned up", async () => {
    const ix = await newIndex();
    let push!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
    const upload = acceptNdjsonSnapshot({ db: h.db, index: ix, body, limit: 1 << 30, createdBy: "master" });
    push.enqueue(new TextEncoder().encode('{"id":"s1"}\n'.repeat(1500)));
    await new Promise((r) => setTimeout(r, 300));
    // Rows are being written, but nothing is pending or listed yet.
    expect(await pending(ix)).toBeUndefined();
    expect(await tasksOf(ix)).toHaveLength(0);
    // A notify acknowledged while the upload streams commits first, so the snapshot supersedes it.
    await notify(ix, { upsert: [{ id: "during" }] });
    push.close();
    await upload;
    expect((await rowsOf(ix)).some((r) => r.docId === "during")).toBe(false);
    expect((await pending(ix))!.snapshot).toBe(true);

    // An upload whose client vanished stays invisible and is removed by the janitor.
    const stuck = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"id":"x"}\n')) });
    void acceptNdjsonSnapshot({ db: h.db, index: ix, body: stuck, limit: 1 << 30, createdBy: "master" }).catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    const [receiving] = await h.db.select().from(tasks).where(eq(tasks.status, "receiving"));
    expect(receiving).toBeDefined();
    expect(await deleteAbandonedUploads(h.db, 0)).toBeGreaterThanOrEqual(1);
    expect(await h.db.select().from(pendingChanges).where(eq(pendingChanges.taskUid, receiving.uid))).toHaveLength(0);
  });
});
