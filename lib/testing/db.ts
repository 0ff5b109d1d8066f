// A fresh, migrated database per test suite: a PGlite copy of the migrated template by default, or
// a new database on the Postgres server named by TEST_DATABASE_URL. Never shared seeded data.
import fs from "node:fs";
import { inject } from "vitest";
import { openDb, type DbHandle } from "../db/client";
import { randomBase58 } from "../ids";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Creates an empty database on the test Postgres server; returns its URL and a drop function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const { default: postgres } = await import("postgres");
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `ih_test_${randomBase58(10).toLowerCase()}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await again.end();
    },
  };
}

export async function freshDb(): Promise<DbHandle> {
  if (TEST_DATABASE_URL) {
    const { url, drop } = await createPostgresDatabase();
    const handle = await openDb({ url, max: 5 });
    return { ...handle, close: async () => (await handle.close(), await drop()) };
  }
  const template = fs.readFileSync(inject("pgliteTemplate"));
  return openDb({ pgliteDir: "memory://", loadDataDir: new Blob([template]) });
}
