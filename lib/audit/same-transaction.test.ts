// The audit entry and the change commit together: when writing the entry fails, the change is rolled
// back too (here the entry fails on purpose with an actor the audit_log NOT NULL constraint refuses).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { apiKeys, auditLog, indexes } from "../db/schema";
import { createIndex, deleteIndex } from "../indexes/indexes";
import { createKey } from "../keys/create-key";
import { freshDb } from "../testing/db";
import type { AuditCtx } from "./context";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

const broken = { actor: { type: null as unknown as "user" }, ip: null } satisfies AuditCtx;
const ok: AuditCtx = { actor: { type: "user", id: "usr_1", name: "a@example.com" }, ip: "203.0.113.1" };

describe("one transaction for the change and its entry", () => {
  it("an index is not created when its entry cannot be written", async () => {
    await expect(createIndex({ db: h.db, input: { id: "rolled-back", name: "R", schema: { title: "string" } }, ctx: broken })).rejects.toThrow();
    expect(await h.db.select().from(indexes).where(eq(indexes.id, "rolled-back"))).toEqual([]);
    expect(await h.db.select().from(auditLog)).toEqual([]);
  });

  it("an index is not deleted when its entry cannot be written", async () => {
    await createIndex({ db: h.db, input: { id: "kept", name: "K", schema: { title: "string" } }, ctx: ok });
    await expect(deleteIndex({ db: h.db, id: "kept", ctx: broken })).rejects.toThrow();
    expect(await h.db.select().from(indexes).where(eq(indexes.id, "kept"))).toHaveLength(1);
    expect((await h.db.select().from(auditLog)).map((e) => e.action)).toEqual(["index.created"]);
  });

  it("a key is not created when its entry cannot be written", async () => {
    await expect(createKey({ db: h.db, principal: { type: "master" }, input: { name: "never", actions: ["search"], indexes: ["*"] }, ctx: broken })).rejects.toThrow();
    expect(await h.db.select().from(apiKeys).where(eq(apiKeys.name, "never"))).toEqual([]);
  });
});
