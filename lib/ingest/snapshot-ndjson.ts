// NDJSON snapshots stream in constant memory: rows are written in batches under a `receiving` task
// that no deploy can see, and only become pending when the whole body was valid (one short commit).
// A failed or abandoned upload leaves nothing queued (its task and rows are deleted).
import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db";
import { tasks, type IndexRow, type Task } from "../db/schema";
import { AppError, badRequest } from "../errors";
import { safeJsonParse } from "../json";
import { lockIndex } from "../db/lock";
import { dropSuperseded, findReplay, insertChanges, nextCommitSeq, type NewChange } from "./commit";
import { isUniqueViolation } from "../db/errors";
import { ndjsonLines } from "./ndjson";
import { documentPreparer, IssueCollector } from "./prepare";

const BATCH = 1000;
const HEARTBEAT_MS = 5_000;

export interface NdjsonInput {
  db: Db;
  index: IndexRow;
  body: ReadableStream<Uint8Array>;
  /** Largest body in bytes; unset when the stream is already counted (route() does, per its contract). */
  limit?: number;
  createdBy: string;
  idempotencyKey?: string;
}

export async function acceptNdjsonSnapshot(input: NdjsonInput): Promise<{ task: Task; replayed: boolean }> {
  const { db, index } = input;
  const hasher = createHash("sha256").update("snapshot\n");
  if (input.idempotencyKey) {
    const [seen] = await db
      .select({ uid: tasks.uid })
      .from(tasks)
      .where(and(eq(tasks.indexUid, index.id), eq(tasks.idempotencyKey, input.idempotencyKey)));
    if (seen) {
      // Hash the body to tell a retry of the same upload from a different one.
      for await (const _ of ndjsonLines(input.body, input.limit ?? Infinity, (c) => hasher.update(c)));
      const replay = await findReplay(db, index.id, { key: input.idempotencyKey, hash: hasher.digest("hex") });
      if (replay) return { task: replay, replayed: true };
    }
  }
  const [task] = await db
    .insert(tasks)
    .values({ indexUid: index.id, type: "snapshot", status: "receiving", createdBy: input.createdBy, heartbeatAt: new Date() })
    .returning();
  try {
    await insertChanges(db, index.id, task.uid, [{ op: "snapshot", docId: null, doc: null }]);
    const issues = new IssueCollector();
    const prepare = documentPreparer(index.schema, issues);
    let batch: NewChange[] = [];
    let line = 0;
    let received = 0;
    let beat = Date.now();
    for await (const text of ndjsonLines(input.body, input.limit ?? Infinity, (c) => hasher.update(c))) {
      line++;
      if (text.trim() === "") continue;
      let doc: unknown;
      try {
        doc = safeJsonParse(text, `NDJSON line ${line}`);
      } catch (err) {
        if (err instanceof AppError) throw err; // a limit (json_too_deep): the whole upload is refused
        issues.add({ at: `line ${line}`, path: "(line)", expected: "a JSON document", got: `invalid JSON (${(err as Error).message})` });
        continue;
      }
      const change = prepare(doc, `line ${line}`, "upsert");
      if (!change || issues.count) continue; // after the first problem, only validate
      batch.push(change);
      received++;
      if (batch.length >= BATCH) {
        await insertChanges(db, index.id, task.uid, batch);
        batch = [];
        if (Date.now() - beat > HEARTBEAT_MS) {
          beat = Date.now();
          await db.update(tasks).set({ heartbeatAt: new Date() }).where(eq(tasks.uid, task.uid));
        }
      }
    }
    issues.throwIfAny("NDJSON snapshot");
    if (batch.length) await insertChanges(db, index.id, task.uid, batch);
    const hash = hasher.digest("hex");
    const committed = await db.transaction(async (tx) => {
      await lockIndex(tx, index.id);
      const commitSeq = await nextCommitSeq(tx);
      const [row] = await tx
        .update(tasks)
        .set({
          status: "enqueued",
          commitSeq,
          enqueuedAt: new Date(),
          heartbeatAt: null,
          details: { receivedDocuments: received, format: "ndjson" },
          idempotencyKey: input.idempotencyKey,
          requestHash: input.idempotencyKey ? hash : null,
        })
        .where(eq(tasks.uid, task.uid))
        .returning();
      await dropSuperseded(tx, index.id, task.uid, commitSeq);
      return row;
    });
    return { task: committed, replayed: false };
  } catch (err) {
    await db.delete(tasks).where(eq(tasks.uid, task.uid)); // cascades to its rows
    if (input.idempotencyKey && isUniqueViolation(err)) {
      // A concurrent upload with the same key committed first.
      const winner = await findReplay(db, index.id, { key: input.idempotencyKey, hash: hasher.digest("hex") }).catch(() => undefined);
      if (winner) return { task: winner, replayed: true };
    }
    if (err instanceof SyntaxError) throw badRequest(err.message, undefined, "invalid_json");
    throw err;
  }
}
