// A fresh, migrated database per test suite: a PGlite copy of the migrated template by default, or
// a new database on the Postgres server named by TEST_DATABASE_URL. Never shared seeded data.
import fs from "node:fs";
import { inject } from "vitest";
import { openDb, type DbHandle } from "../db/client";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./postgres";

export { TEST_DATABASE_URL, createPostgresDatabase };

/** INDEXHOOK_PGLITE_THREAD=0 runs the suites on in-process PGlite, as the server does with it (the old design). */
export const PGLITE_THREAD = process.env.INDEXHOOK_PGLITE_THREAD !== "0";

export async function freshDb(): Promise<DbHandle> {
  if (TEST_DATABASE_URL) {
    const { url, drop } = await createPostgresDatabase();
    const handle = await openDb({ url, max: 5 });
    return { ...handle, close: async () => (await handle.close(), await drop()) };
  }
  const template = fs.readFileSync(inject("pgliteTemplate"));
  return openDb({ pgliteDir: "memory://", loadDataDir: new Blob([template]), thread: PGLITE_THREAD });
}
