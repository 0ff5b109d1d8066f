// Creating a dump: POST /api/v1/dumps queues a `dumpCreation` task and this process writes the file
// (DATA_DIR/dumps/<dumpUid>.ndjson.gz) page by page, reporting progress in the task's details. It runs
// in the process that took the request, so a passphrase never has to be stored to reach a worker.
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import zlib from "node:zlib";
import { and, asc, count, desc, eq, lt, ne, sql, type SQL } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { DbHandle, DbOrTx } from "../db";
import type { DumpDto } from "../contracts/dumps";
import { NIL_UUID } from "../contracts/hooks";
import { hooks, tasks, type Task } from "../db/schema";
import { env } from "../env";
import { conflict, notFound } from "../errors";
import { toTaskDto } from "../tasks/tasks";
import {
  appVersion,
  CHECK_TEXT,
  currentMigration,
  deriveKey,
  DUMP_FORMAT,
  DUMP_TABLES,
  DUMP_VERSION,
  encodeRow,
  newKdf,
  seal,
  type DumpHeader,
  type HookSecrets,
  type SecretsMode,
} from "./format";

const PAGE = 500;
/** A processing dump whose heartbeat is older than this died with its process (see reapDumps). */
export const DUMP_STALE_MS = 60_000;

export function dumpsDir(): string {
  return path.join(env().dataDir, "dumps");
}

export function dumpFile(dumpUid: string): string {
  return path.join(dumpsDir(), `${dumpUid}.ndjson.gz`);
}

/** Meilisearch's dump uid shape: 20261206-204532123 (UTC date, time to the millisecond). */
function newDumpUid(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 23).replace(/[:.]/g, "")}`;
}

export interface DumpOptions {
  secrets: SecretsMode;
  passphrase?: string;
}

/** Queues the dump task and starts writing the file in this process; answers the task at once. */
export async function startDump(h: DbHandle, options: DumpOptions, createdBy: string, ctx: AuditCtx): Promise<Task> {
  const [running] = await h.db
    .select({ uid: tasks.uid })
    .from(tasks)
    .where(and(eq(tasks.type, "dumpCreation"), sql`${tasks.status} in ('enqueued', 'processing')`));
  if (running) throw conflict(`Dump task ${running.uid} is still running: wait for it to finish.`, { taskUid: running.uid });
  const now = new Date();
  const dumpUid = newDumpUid(now);
  const task = await h.db.transaction(async (tx) => {
    const [t] = await tx
    .insert(tasks)
    .values({
      indexUid: "",
      status: "enqueued",
      type: "dumpCreation",
      details: { dumpUid, secrets: options.secrets, progress: 0, phase: "queued" },
      createdBy,
      enqueuedAt: now,
      heartbeatAt: now,
    })
    .returning();
    await audit(tx, ctx, { action: "dump.created", target: { type: "dump", id: dumpUid }, details: { taskUid: t.uid, secrets: options.secrets } });
    return t;
  });
  void runDump(h, task, options).catch((err) => console.error(`[indexhook] dump ${dumpUid} failed`, err));
  return task;
}

/** Writes the dump of task `task`, then marks it succeeded (or failed, removing the partial file). */
export async function runDump(h: DbHandle, task: Task, options: DumpOptions): Promise<void> {
  const dumpUid = String(task.details.dumpUid);
  const startedAt = new Date();
  await h.db.update(tasks).set({ status: "processing", startedAt, heartbeatAt: startedAt }).where(eq(tasks.uid, task.uid));
  const file = dumpFile(dumpUid);
  const part = `${file}.part`;
  let details: Record<string, unknown> = { ...task.details };
  const progress = async (patch: Record<string, unknown>) => {
    details = { ...details, ...patch };
    await h.db.update(tasks).set({ details, heartbeatAt: new Date() }).where(eq(tasks.uid, task.uid));
  };
  try {
    fs.mkdirSync(dumpsDir(), { recursive: true });
    const totals = await writeDump(h, part, options, progress);
    fs.renameSync(part, file);
    const done = new Date();
    await h.db
      .update(tasks)
      .set({ status: "succeeded", finishedAt: done, details: { ...details, ...totals, progress: 100, phase: "done", sizeBytes: fs.statSync(file).size } })
      .where(eq(tasks.uid, task.uid));
  } catch (err) {
    fs.rmSync(part, { force: true });
    await h.db
      .update(tasks)
      .set({ status: "failed", finishedAt: new Date(), error: { message: `The dump failed: ${(err as Error).message}`, code: "dump_process_failed", type: "internal" } })
      .where(eq(tasks.uid, task.uid));
    throw err;
  }
}

/** Rows the dump leaves out: the env hook (made from TASK_WEBHOOK_URL at boot), dump tasks and unfinished uploads. */
function skip(name: string): SQL | undefined {
  if (name === "hooks") return ne(hooks.uuid, NIL_UUID);
  if (name === "tasks") return and(ne(tasks.type, "dumpCreation"), ne(tasks.status, "receiving"));
  return undefined;
}

async function writeDump(h: DbHandle, file: string, options: DumpOptions, progress: (p: Record<string, unknown>) => Promise<void>) {
  const key = options.secrets === "encrypt" ? { kdf: newKdf() } : undefined;
  const aes = key ? deriveKey(options.passphrase ?? "", key.kdf) : undefined;
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(file);
  gz.pipe(out);
  const write = async (value: unknown) => {
    if (!gz.write(`${JSON.stringify(value)}\n`)) await once(gz, "drain");
  };
  // Postgres: every page read in one repeatable-read snapshot, so the dump is consistent across tables.
  // PGlite has one connection: a transaction would stop the whole instance for the dump, so pages are
  // read as they come (take the dump at a quiet moment; see README "Backups").
  const read = async (fn: (db: DbOrTx) => Promise<void>) =>
    h.kind === "postgres" ? h.db.transaction(async (tx) => fn(tx), { isolationLevel: "repeatable read", accessMode: "read only" }) : fn(h.db);
  let records = 0;
  await read(async (db) => {
    const counts: Record<string, number> = {};
    for (const t of DUMP_TABLES) {
      const [{ n }] = await db.select({ n: count() }).from(t.table).where(skip(t.name));
      counts[t.name] = Number(n);
    }
    const total = Math.max(1, Object.values(counts).reduce((a, b) => a + b, 0));
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      version: DUMP_VERSION,
      createdAt: new Date().toISOString(),
      instance: { app: appVersion(), database: h.kind, migration: currentMigration().tag },
      secrets: options.secrets,
      ...(key && aes ? { kdf: key.kdf, check: seal(aes, CHECK_TEXT) } : {}),
      counts,
    };
    await write({ t: "header", ...header });
    await progress({ phase: "started", counts, records: 0 });
    for (const t of DUMP_TABLES) {
      const cols = getTableColumns(t.table) as Record<string, import("drizzle-orm/pg-core").AnyPgColumn>;
      const keyCols = t.keys.map((k) => cols[k]);
      let last: unknown[] | undefined;
      for (;;) {
        const after = last ? sql`(${sql.join(keyCols, sql`, `)}) > (${sql.join(last.map((v) => sql`${v}`), sql`, `)})` : undefined;
        // Artifact chunks are up to 4 MiB each: a few at a time.
        const limit = t.name === "deployment_artifacts" ? 4 : PAGE;
        const page = (await db
          .select()
          .from(t.table)
          .where(and(skip(t.name), after))
          .orderBy(...keyCols.map((c) => asc(c)))
          .limit(limit)) as Record<string, unknown>[];
        for (const row of page) await write({ t: t.name, r: t.name === "hooks" ? hookRow(row, options.secrets, aes) : encodeRow(t.table, row) });
        records += page.length;
        if (page.length) {
          last = t.keys.map((k) => page[page.length - 1][k]);
          await progress({ phase: t.name, records, progress: Math.min(99, Math.floor((records / total) * 100)) });
        }
        if (page.length < limit) break;
      }
    }
  });
  gz.end();
  await finished(out);
  return { records };
}

/** A hook row without its secrets: sealed under the dump's key, or left out (restore makes new ones). */
function hookRow(row: Record<string, unknown>, mode: SecretsMode, aes: Buffer | undefined): Record<string, unknown> {
  const { secret, previousSecret, token, headers, ...rest } = row as Record<string, unknown> & HookSecrets;
  // The event logs are not dumped: a restored hook reads the new instance's logs from their start.
  const base = { ...rest, cursor: 0 };
  if (mode === "encrypt" && aes) return { ...base, sealed: seal(aes, JSON.stringify({ secret, previousSecret, token, headers } satisfies HookSecrets)) };
  return { ...base, previousSecretExpiresAt: null, previousPublicKey: null, excludedHeaders: Object.keys(headers ?? {}) };
}


function toDumpDto(t: Task): DumpDto {
  const d = t.details as Record<string, unknown>;
  const uid = String(d.dumpUid);
  return {
    uid,
    taskUid: t.uid,
    status: toTaskDto(t).status,
    progress: Number(d.progress ?? 0),
    phase: String(d.phase ?? ""),
    secrets: d.secrets === "encrypt" ? "encrypt" : "exclude",
    records: typeof d.records === "number" ? d.records : null,
    sizeBytes: typeof d.sizeBytes === "number" ? d.sizeBytes : null,
    available: t.status === "succeeded" && fs.existsSync(dumpFile(uid)),
    enqueuedAt: t.enqueuedAt.toISOString(),
    finishedAt: t.finishedAt?.toISOString() ?? null,
    error: t.error?.message ?? null,
  };
}

export async function listDumps(h: DbHandle, limit = 50): Promise<{ results: DumpDto[] }> {
  const rows = await h.db.select().from(tasks).where(eq(tasks.type, "dumpCreation")).orderBy(desc(tasks.uid)).limit(limit);
  return { results: rows.map(toDumpDto) };
}

/** The file of a finished dump, for download. */
export async function dumpForDownload(h: DbHandle, dumpUid: string, ctx: AuditCtx): Promise<{ file: string; size: number; name: string }> {
  const [t] = await h.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.type, "dumpCreation"), sql`${tasks.details}->>'dumpUid' = ${dumpUid}`));
  const file = dumpFile(dumpUid);
  if (!t || t.status !== "succeeded" || !fs.existsSync(file)) throw notFound(`No finished dump ${dumpUid} on this instance.`);
  await audit(h.db, ctx, { action: "dump.downloaded", target: { type: "dump", id: dumpUid } });
  return { file, size: fs.statSync(file).size, name: `indexhook-${dumpUid}.ndjson.gz` };
}

/** Fails dump tasks whose process died while writing (no heartbeat for DUMP_STALE_MS) and removes their partial files. */
export async function reapDumps(h: DbHandle): Promise<string | void> {
  const stale = await h.db
    .update(tasks)
    .set({ status: "failed", finishedAt: new Date(), error: { message: "The process writing this dump stopped.", code: "dump_process_failed", type: "internal" } })
    .where(and(eq(tasks.type, "dumpCreation"), sql`${tasks.status} in ('enqueued', 'processing')`, lt(tasks.heartbeatAt, new Date(Date.now() - DUMP_STALE_MS))))
    .returning();
  for (const t of stale) fs.rmSync(`${dumpFile(String(t.details.dumpUid))}.part`, { force: true });
  if (stale.length) return `failed ${stale.length} dump task(s) whose process stopped`;
}
