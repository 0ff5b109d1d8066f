// The inbound webhook verbs: notify, JSON snapshot, deploy request, has-data, update-schema.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { audit, SYSTEM_CTX, type AuditCtx } from "../audit/context";
import { auditIndexChange, findIndex } from "../indexes/indexes";
import { indexes, tasks, type IndexRow, type Task } from "../db/schema";
import type { NotifyBody } from "../contracts/webhooks";
import type { OramaSchema } from "../contracts/orama-schema";
import type { Principal } from "../auth/principal";
import { assertIndexInScope } from "../auth/scope";
import { assertDocumentsFit } from "../indexes/schema-change";
import { hasPendingChanges } from "../indexes/pending";
import { lockIndex } from "../db/lock";
import { commitTask, dropSuperseded, insertChanges, requestHash } from "./commit";
import { prepareNotify, prepareSnapshot } from "./prepare";
import { wakeDeploy } from "../db/channels";
import { recordFinishedTasks } from "../tasks/events";

type Accepted = { task: Task; replayed: boolean };
interface Common {
  db: Db;
  index: IndexRow;
  createdBy: string;
  idempotencyKey?: string;
  /** Who is acting, for the audit log (deploy and update-schema are audited; document writes are not). */
  ctx?: AuditCtx;
}


/** The index a webhook acts on: scope first (403 does not reveal whether an index exists), then existence (404). */
export async function webhookIndex(db: Db, principal: Principal, indexId: string): Promise<IndexRow> {
  assertIndexInScope(principal, indexId);
  return findIndex(db, indexId);
}

// An Idempotency-Key replays only the same request: the parsed body, serialised, is its fingerprint.
const idem = (key: string | undefined, kind: string, body: unknown) =>
  key ? { key, hash: requestHash(kind, body === undefined ? "" : JSON.stringify(body)) } : undefined;

/** Queues a notify body (parsed and shape-checked by the caller: the contract's notifyBody). */
export async function acceptNotify({ db, index, createdBy, idempotencyKey, body }: Common & { body: NotifyBody }): Promise<Accepted> {
  const changes = prepareNotify(index.schema, body);
  const counts = { upserts: body.upsert?.length ?? 0, updates: body.update?.length ?? 0, removes: body.remove?.length ?? 0 };
  return commitTask(
    db,
    { indexId: index.id, type: "notify", details: { receivedChanges: changes.length, ...counts }, createdBy, idempotency: idem(idempotencyKey, "notify", body) },
    (tx, task) => insertChanges(tx, index.id, task.uid, changes),
  );
}

/** Replaces every document at the next deploy; `docs` is the parsed JSON body (checked here: an array of documents). */
export async function acceptJsonSnapshot({ db, index, createdBy, idempotencyKey, docs }: Common & { docs: unknown }): Promise<Accepted> {
  const changes = prepareSnapshot(index.schema, docs);
  return commitTask(
    db,
    {
      indexId: index.id,
      type: "snapshot",
      details: { receivedDocuments: changes.length - 1, format: "json" },
      createdBy,
      idempotency: idem(idempotencyKey, "snapshot", docs),
    },
    async (tx, task) => {
      await insertChanges(tx, index.id, task.uid, changes);
      await dropSuperseded(tx, index.id, task.uid, task.commitSeq!);
    },
  );
}

/** Enqueues a deploy; the deploy worker takes everything committed before it starts. */
export async function requestDeploy({ db, index, createdBy, idempotencyKey, ctx = SYSTEM_CTX }: Common): Promise<Accepted> {
  // A replayed Idempotency-Key writes nothing, so it records nothing either.
  const accepted = await commitTask(
    db,
    { indexId: index.id, type: "deploy", details: {}, createdBy, idempotency: idem(idempotencyKey, "deploy", undefined) },
    (tx, task) => audit(tx, ctx, { action: "deploy.requested", target: { type: "index", id: index.id }, details: { taskUid: task.uid } }),
  );
  wakeDeploy();
  return accepted;
}

export async function hasData(db: Db, indexId: string): Promise<boolean> {
  return hasPendingChanges(db, indexId);
}

/** Replaces the schema now (checked against live and pending documents) and records the task. */
export async function updateSchema({ db, index, createdBy, schema, ctx = SYSTEM_CTX }: Common & { schema: OramaSchema }): Promise<Accepted> {
  const started = new Date();
  const task = await db.transaction(async (tx) => {
    await lockIndex(tx, index.id);
    // "before" for the audit entry is read under the lock: a concurrent change cannot slip in between.
    const before = await findIndex(tx, index.id);
    await assertDocumentsFit(tx, index.id, schema);
    await tx.update(indexes).set({ schema, updatedAt: new Date() }).where(eq(indexes.id, index.id));
    const [task] = await tx
      .insert(tasks)
      .values({
        indexUid: index.id,
        type: "updateSchema",
        status: "succeeded",
        details: { schema },
        createdBy,
        startedAt: started,
        finishedAt: new Date(),
      })
      .returning();
    await recordFinishedTasks(tx, [task.uid]);
    await auditIndexChange(tx, ctx, before, "update-schema");
    return task;
  });
  return { task, replayed: false };
}
