// The dump format: gzip'd NDJSON. Line 1 is the header (format, version, instance, how secrets are
// kept); every other line is one row of one table, `{ "t": table, "r": row }`, in an order that
// satisfies foreign keys on restore. Timestamps are ISO strings, bytea base64. Hook secrets (signing
// secret, previous secret, token, custom header values) are either left out or sealed with a key
// derived from a passphrase (scrypt → AES-256-GCM). Loaded by scripts/restore.ts too: no "server-only".
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getTableColumns, type Table } from "drizzle-orm";
import { apiKeys, deploymentArtifacts, deployments, documents, hooks, indexes, invites, pendingChanges, settings, tasks, users } from "../db/schema";

export const DUMP_FORMAT = "indexhook-dump";
export const DUMP_VERSION = 1;

/**
 * What a dump holds, in restore order, with the columns each page is ordered by (keyset paging).
 * Not dumped: event logs, deliveries and their attempts, the audit log, inspector captures,
 * uploads still streaming in (`receiving` tasks) and the dump tasks themselves.
 */
export const DUMP_TABLES = [
  { name: "settings", table: settings, keys: ["key"] },
  { name: "users", table: users, keys: ["id"] },
  { name: "invites", table: invites, keys: ["id"] },
  { name: "indexes", table: indexes, keys: ["id"] },
  { name: "documents", table: documents, keys: ["indexId", "id"] },
  { name: "tasks", table: tasks, keys: ["uid"] },
  { name: "pending_changes", table: pendingChanges, keys: ["seq"] },
  { name: "deployments", table: deployments, keys: ["id"] },
  { name: "deployment_artifacts", table: deploymentArtifacts, keys: ["deploymentId", "kind", "chunk"] },
  { name: "api_keys", table: apiKeys, keys: ["id"] },
  { name: "hooks", table: hooks, keys: ["uuid"] },
] as const satisfies { name: string; table: Table; keys: string[] }[];

export type DumpTableName = (typeof DUMP_TABLES)[number]["name"];

export type SecretsMode = "exclude" | "encrypt";

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  createdAt: string;
  instance: { app: string; database: "pglite" | "postgres"; migration: string };
  secrets: SecretsMode;
  /** encrypt only: how the key is derived, and a sealed known text to check the passphrase before anything is written. */
  kdf?: { name: "scrypt"; salt: string; N: number; r: number; p: number };
  check?: Sealed;
  /** Rows per table, as counted when the dump started. */
  counts: Record<string, number>;
}

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/** The hook fields that are secrets: sealed or left out. */
export interface HookSecrets {
  secret: string;
  previousSecret: string | null;
  token: string;
  headers: Record<string, string>;
}

const KDF = { N: 16384, r: 8, p: 1 };
export const CHECK_TEXT = "indexhook-dump-passphrase-check";

export function newKdf(): NonNullable<DumpHeader["kdf"]> {
  return { name: "scrypt", salt: randomBytes(16).toString("base64"), ...KDF };
}

export function deriveKey(passphrase: string, kdf: NonNullable<DumpHeader["kdf"]>): Buffer {
  return scryptSync(passphrase, Buffer.from(kdf.salt, "base64"), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 64 * 1024 * 1024 });
}

export function seal(key: Buffer, plain: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
}

/** The plain text, or null when the key is wrong (or the text was altered). */
export function unseal(key: Buffer, s: Sealed): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(s.iv, "base64"));
    decipher.setAuthTag(Buffer.from(s.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(s.data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const sqlType = (col: unknown) => (col as { getSQLType(): string }).getSQLType();

/** A row as JSON: bytea → base64 (Dates become ISO strings through JSON.stringify). */
export function encodeRow(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cols = getTableColumns(table);
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) || (v instanceof Uint8Array && sqlType(cols[k]) === "bytea") ? Buffer.from(v as Uint8Array).toString("base64") : v;
  return out;
}

/** The row to insert: ISO strings back to Dates, base64 back to bytes; keys the table no longer has are dropped. */
export function decodeRow(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(getTableColumns(table))) {
    if (!(k in row)) continue;
    const v = row[k];
    const type = sqlType(col);
    if (v !== null && type.startsWith("timestamp")) out[k] = new Date(v as string);
    else if (v !== null && type === "bytea") out[k] = Buffer.from(v as string, "base64");
    else out[k] = v;
  }
  return out;
}

/** The newest migration this code knows (drizzle/meta/_journal.json): a dump names the one it was taken at. */
export function currentMigration(): { tag: string; tags: string[] } {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const tags = journal.entries.map((e) => e.tag);
  return { tag: tags[tags.length - 1], tags };
}

export function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
