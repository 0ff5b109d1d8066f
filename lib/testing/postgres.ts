// Fresh databases on the test Postgres server (TEST_DATABASE_URL), for suites, servers and benches.
import { randomBase58 } from "../ids";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Creates an empty database on `adminUrl`'s server; returns its URL and a drop function. */
export async function createPostgresDatabase(adminUrl = TEST_DATABASE_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const { default: postgres } = await import("postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `ih_test_${randomBase58(10).toLowerCase()}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await again.end();
    },
  };
}
