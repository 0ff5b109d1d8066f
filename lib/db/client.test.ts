// The database handle as the app uses it, on the test database (PGlite on its own thread by default,
// Postgres with TEST_DATABASE_URL): the event loop keeps turning while the database works, NOTIFY
// reaches listen(), one transaction never sees another's statements, bytea and dumps round-trip.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, TEST_DATABASE_URL } from "../testing/db";
import { openDb, type DbHandle } from "./client";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
  await h.rows(sql`create table probe (x int)`);
});
afterAll(() => h?.close());

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("database handle", () => {
  it("keeps the event loop turning while a long query is in flight", async () => {
    // In-process PGlite runs the query synchronously on this thread: the callback below could only run
    // after the query's answer. Off the event loop it runs at once, while the database still counts.
    let answered = false;
    const query = h.rows<{ n: number }>(sql`select count(*)::int as n from generate_series(1, 4000000)`).then((rows) => ((answered = true), rows));
    const ranWhileInFlight = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!answered)));
    expect(ranWhileInFlight).toBe(true);
    expect(await query).toEqual([{ n: 4_000_000 }]);
  });

  it("never runs a statement inside another caller's open transaction", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const tx = h.db
      .transaction(async (t) => {
        await t.execute(sql`insert into probe values (1)`);
        inserted();
        await gate;
        throw new Error("roll back");
      })
      .catch((err: Error) => err.message);
    await didInsert;
    // A statement from outside the transaction: it must not see (or join) the uncommitted row.
    const outside = h.rows<{ n: number }>(sql`select count(*)::int as n from probe`);
    for (let i = 0; i < 20; i++) await turn();
    release();
    expect(await tx).toBe("roll back");
    expect(await outside).toEqual([{ n: 0 }]);
  });

  it("delivers a NOTIFY sent inside a transaction to listen(), once it commits", async () => {
    const got: string[] = [];
    let arrived!: () => void;
    const second = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await h.listen("indexhook_test", (payload) => {
      got.push(payload);
      if (got.length === 2) arrived();
    });
    await h.rows(sql`select pg_notify('indexhook_test', 'plain')`);
    await h.db.transaction(async (t) => {
      await t.execute(sql`select pg_notify('indexhook_test', 'in-tx')`);
    });
    await second;
    expect(got).toEqual(["plain", "in-tx"]);
    await unlisten();
  });

  it("round-trips a 4 MB bytea unchanged", async () => {
    const bytes = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4099) bytes[i] = i % 251;
    const [row] = await h.rows<{ b: Uint8Array }>(sql`select ${bytes}::bytea as b`);
    expect(Buffer.from(row.b).equals(bytes)).toBe(true);
  });

  it.skipIf(TEST_DATABASE_URL)("dumps a data directory that opens as a copy, and persists across close and reopen", async () => {
    await h.rows(sql`insert into probe values (42)`);
    const dump = await h.dumpDataDir!();
    const copy = await openDb({ pgliteDir: "memory://", loadDataDir: dump });
    try {
      expect(await copy.rows(sql`select x from probe`)).toEqual([{ x: 42 }]);
    } finally {
      await copy.close();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-client-"));
    try {
      const first = await openDb({ pgliteDir: path.join(dir, "pglite"), lockDir: dir });
      await first.rows(sql`create table kept (x int)`);
      await first.rows(sql`insert into kept values (7)`);
      await first.close();
      expect(fs.existsSync(path.join(dir, "indexhook.lock"))).toBe(false);
      const again = await openDb({ pgliteDir: path.join(dir, "pglite"), lockDir: dir });
      expect(await again.rows(sql`select x from kept`)).toEqual([{ x: 7 }]);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
