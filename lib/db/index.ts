// The process-wide database handle, opened once from the environment and shared through globalThis
// (Next's instrumentation hook gets its own module instance; two PGlite handles would lose rows).
import path from "node:path";
import { env } from "../env";
import { openDb, type DbHandle } from "./client";

const g = globalThis as typeof globalThis & { __indexhookDb?: Promise<DbHandle> };

export function getDb(): Promise<DbHandle> {
  if (!g.__indexhookDb) {
    const e = env();
    g.__indexhookDb = openDb(
      e.DATABASE_URL
        ? { url: e.DATABASE_URL }
        : { pgliteDir: path.join(e.dataDir, "pglite"), lockDir: e.dataDir, thread: e.INDEXHOOK_PGLITE_THREAD === "1" },
    );
    g.__indexhookDb.catch(() => {
      g.__indexhookDb = undefined;
    });
  }
  return g.__indexhookDb;
}

export type { Db, DbHandle, DbOrTx, Tx } from "./client";
