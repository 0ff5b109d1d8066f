// Opens the database: embedded PGlite in DATA_DIR/pglite by default, postgres.js when DATABASE_URL is
// set. One schema and one migration history (./drizzle) for both; migrations run on open.
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import * as schema from "./schema";
import { acquireDataDirLock, releaseDataDirLock } from "./lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The rows of a raw `execute` result on either driver (PGlite answers { rows }, postgres.js an array). Prefer DbHandle.rows(); this is for code that holds only a transaction. */
export function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** Raw SQL returning rows on both drivers (PGlite answers { rows }, postgres.js an array). */
  rows<T = Record<string, unknown>>(query: SQL, on?: DbOrTx): Promise<T[]>;
  /** LISTEN on a channel (NOTIFY from any process on Postgres; this process on PGlite). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory (PGlite's dumpDataDir), e.g. the tests' migrated template. */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite. */
  url?: string;
  /** PGlite data directory, or "memory://" for an in-memory database (tests). */
  pgliteDir?: string;
  /** Take the exclusive DATA_DIR lock (PGlite silently loses rows with two processes on one dir). */
  lockDir?: string;
  /** A dumpDataDir() tarball of an already migrated database (fast fresh test databases). */
  loadDataDir?: Blob;
  /** Connections in the postgres.js pool. */
  max?: number;
  /** PGlite on its own worker thread (default), or in this thread (INDEXHOOK_PGLITE_THREAD=0: the old way, for comparison). */
  thread?: boolean;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "drizzle");

const MIGRATION_LOCK = 7_316_542_001; // advisory lock id: one process migrates at a time

export async function openDb(options: OpenOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url, options.max ?? 10);
  return options.thread === false ? openPglite(options) : openPgliteThread(options);
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "indexhook" } });
  const db = drizzle(client, { schema }) as unknown as Db;
  // Web and worker processes may start together: serialise migrations with an advisory lock held on
  // a dedicated one-connection client (a session lock needs every statement on the same connection).
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  return {
    db,
    kind: "postgres",
    rows: async <T,>(query: SQL, on: DbOrTx = db) => resultRows<T>(await on.execute(query)),
    listen: async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: OpenOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.pgliteDir ?? "memory://";
  if (options.lockDir) acquireDataDirLock(options.lockDir);
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    kind: "pglite",
    rows: async <T,>(query: SQL, on: DbOrTx = db) => resultRows<T>(await on.execute(query)),
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: async () => {
      await client.close();
      if (options.lockDir) releaseDataDirLock(options.lockDir);
    },
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

// PGlite on its own thread (lib/db/pglite-thread.mjs), spoken to with postgres.js over the thread's
// MessagePort: the same driver as Postgres, one connection (PGlite has one session, so a transaction
// holds it and nothing interleaves), LISTEN on that connection (a NOTIFY is answered on it after commit).
async function openPgliteThread(options: OpenOptions): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { PgliteThread } = await import("./pglite-pipe");
  const dir = options.pgliteDir ?? "memory://";
  if (options.lockDir) acquireDataDirLock(options.lockDir);
  try {
    if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
    const thread = await PgliteThread.start({ dir, loadDataDir: options.loadDataDir, migrationsFolder: MIGRATIONS_DIR });
    const listeners = new Map<string, Set<(payload: string) => void>>();
    const client = postgres({
      socket: thread.connect,
      host: "pglite",
      username: "postgres",
      database: "postgres",
      max: 1,
      idle_timeout: 0,
      max_lifetime: 0,
      onnotice: () => {},
      onnotify: (channel: string, payload: string) => listeners.get(channel)?.forEach((fn) => fn(payload)),
    } as never);
    const db = drizzle(client, { schema }) as unknown as Db;
    const ident = (name: string) => '"' + name.replaceAll('"', '""') + '"';
    return {
      db,
      kind: "pglite",
      rows: async <T,>(query: SQL, on: DbOrTx = db) => resultRows<T>(await on.execute(query)),
      listen: async (channel, onPayload) => {
        let set = listeners.get(channel);
        if (!set) {
          listeners.set(channel, (set = new Set()));
          await client.unsafe(`listen ${ident(channel)}`);
        }
        set.add(onPayload);
        return async () => {
          set.delete(onPayload);
          if (set.size || listeners.get(channel) !== set) return;
          listeners.delete(channel);
          await client.unsafe(`unlisten ${ident(channel)}`).catch(() => {});
        };
      },
      close: async () => {
        await client.end({ timeout: 5 });
        await thread.close();
        if (options.lockDir) releaseDataDirLock(options.lockDir);
      },
      dumpDataDir: () => thread.dumpDataDir(),
    };
  } catch (err) {
    if (options.lockDir) releaseDataDirLock(options.lockDir);
    throw err;
  }
}
