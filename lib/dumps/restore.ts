// Restoring a dump into an EMPTY instance (no users, indexes, keys or hooks besides the env hook), in
// one transaction: a refused or broken dump changes nothing. Used by `npm run restore -- FILE`
// (scripts/restore.ts), with the server stopped. Loaded under plain Node: no "server-only".
import fs from "node:fs";
import readline from "node:readline";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { count, ne, sql } from "drizzle-orm";
import type { DbHandle, Tx } from "../db";
import { NIL_UUID } from "../contracts/hooks";
import { apiKeys, hooks, indexes, settings, users } from "../db/schema";
import { AppError, badRequest, conflict } from "../errors";
import { newToken } from "../hooks/secrets";
import { newSigningKey, type SigningScheme } from "../net/signing";
import { CHECK_TEXT, currentMigration, decodeRow, deriveKey, DUMP_FORMAT, DUMP_TABLES, DUMP_VERSION, unseal, type DumpHeader, type HookSecrets } from "./format";

export interface RestoreReport {
  header: DumpHeader;
  /** Rows restored per table. */
  counts: Record<string, number>;
  /** Hooks whose secrets were not in the dump (secrets: exclude): new signing secrets and tokens were made; their custom headers are gone. */
  regeneratedHooks: { uuid: string; url: string; droppedHeaders: string[] }[];
}

const BATCH = 200;

/** What makes an instance not empty: anything a person made. */
export async function assertEmpty(h: DbHandle, on: Tx | DbHandle["db"] = h.db): Promise<void> {
  const found: string[] = [];
  for (const [name, table, where] of [
    ["users", users, undefined],
    ["indexes", indexes, undefined],
    ["API keys", apiKeys, undefined],
    ["hooks", hooks, ne(hooks.uuid, NIL_UUID)],
  ] as const) {
    const [{ n }] = await on.select({ n: count() }).from(table).where(where);
    if (Number(n) > 0) found.push(`${n} ${name}`);
  }
  if (found.length) throw conflict(`A dump restores only into an empty instance; this one has ${found.join(", ")}.`, { found });
}

export function openDumpFile(file: string): Readable {
  return fs.createReadStream(file).pipe(zlib.createGunzip());
}

export async function restoreDump(h: DbHandle, input: Readable, { passphrase }: { passphrase?: string } = {}): Promise<RestoreReport> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = parseLine(first.done ? "" : first.value, 1) as unknown as DumpHeader & { t?: string };
  if (header.t !== "header" || header.format !== DUMP_FORMAT) throw badRequest("Not an Indexhook dump: the first line is not its header.");
  if (header.version > DUMP_VERSION) throw badRequest(`Dump format version ${header.version} is newer than this Indexhook reads (${DUMP_VERSION}).`);
  if (!currentMigration().tags.includes(header.instance.migration))
    throw badRequest(`The dump was taken at database migration ${header.instance.migration}, which this Indexhook does not have: restore with that version or newer.`);
  let key: Buffer | undefined;
  if (header.secrets === "encrypt") {
    if (!passphrase) throw badRequest("This dump's hook secrets are encrypted: give the passphrase it was made with.");
    key = deriveKey(passphrase, header.kdf!);
    if (unseal(key, header.check!) !== CHECK_TEXT) throw new AppError("wrong_password", "The passphrase does not open this dump's secrets.");
  }
  const report: RestoreReport = { header, counts: {}, regeneratedHooks: [] };
  const tables = new Map<string, (typeof DUMP_TABLES)[number]>(DUMP_TABLES.map((t) => [t.name, t]));

  await h.db.transaction(async (tx) => {
    await assertEmpty(h, tx);
    let current: (typeof DUMP_TABLES)[number] | undefined;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!current || !batch.length) return;
      if (current.name === "settings") {
        // A fresh instance may already hold settings it made at boot: the dump's win.
        for (const row of batch) await tx.insert(settings).values(row as never).onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: row.updatedAt as Date } });
      } else if (current.name === "hooks") {
        await tx.insert(hooks).values(batch as never).onConflictDoNothing();
      } else {
        await tx.insert(current.table).values(batch as never);
      }
      report.counts[current.name] = (report.counts[current.name] ?? 0) + batch.length;
      batch = [];
    };
    let n = 1;
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      n++;
      if (!next.value.trim()) continue;
      const rec = parseLine(next.value, n) as { t: string; r: Record<string, unknown> };
      const t = tables.get(rec.t);
      if (!t) throw badRequest(`Line ${n}: unknown record type ${JSON.stringify(rec.t)}.`);
      if (t !== current) {
        await flush();
        current = t;
      }
      const row = t.name === "hooks" ? hookWithSecrets(rec.r, key, report) : rec.r;
      batch.push(decodeRow(t.table, row));
      if (batch.length >= (t.name === "deployment_artifacts" ? 1 : BATCH)) await flush();
    }
    await flush();
    // Serial columns continue after the restored ids; commit order after the restored tasks.
    for (const [table, col] of [
      ["tasks", "uid"],
      ["pending_changes", "seq"],
    ])
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', '${col}'), greatest((select max(${col}) from ${table}), 1))`));
    await tx.execute(sql.raw(`select setval('commit_seq', greatest((select max(commit_seq) from tasks), 1))`));
  });
  return report;
}

function parseLine(line: string, n: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw badRequest(`Line ${n} of the dump is not JSON: the file is damaged or truncated.`);
  }
}

function hookWithSecrets(row: Record<string, unknown>, key: Buffer | undefined, report: RestoreReport): Record<string, unknown> {
  const { sealed, excludedHeaders, ...rest } = row as Record<string, unknown> & { sealed?: import("./format").Sealed; excludedHeaders?: string[] };
  if (sealed) {
    const plain = key ? unseal(key, sealed) : null;
    if (plain === null) throw new AppError("wrong_password", `The passphrase does not open the secrets of hook ${String(row.uuid)}.`);
    return { ...rest, ...(JSON.parse(plain) as HookSecrets) };
  }
  // Left out of the dump: new ones, as a new hook gets (receivers must be given the new secret).
  const signing = (rest.signing as SigningScheme | undefined) ?? "hmac-sha256";
  const made = newSigningKey(signing);
  report.regeneratedHooks.push({ uuid: String(rest.uuid), url: String(rest.url), droppedHeaders: excludedHeaders ?? [] });
  return { ...rest, secret: made.secret, publicKey: made.publicKey, previousSecret: null, token: newToken(), headers: {} };
}
