// The key verbs on a fresh database: storage, verification, expiry, revocation and last use.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import type { Db, DbHandle } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { freshDb } from "../testing/db";
import { createKey } from "./create-key";
import { listKeys } from "./list-keys";
import { revokeKey } from "./revoke-key";
import { flushLastUsed, LAST_USED_INTERVAL_MS, verifyKey } from "./verify-key";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

const master: Principal = { type: "master" };
const input = (over: Partial<Parameters<typeof createKey>[0]["input"]> = {}) => ({
  name: "test",
  actions: ["search" as const],
  indexes: ["*"],
  ...over,
});

describe("create, verify, list", () => {
  it("stores the hash and the start, never the key", async () => {
    const k = await createKey({ db: h.db, principal: master, input: input({ name: "web search" }) });
    expect(k.id).toMatch(/^key_/);
    expect(k.kind).toBe("public");
    expect(k.start).toBe(k.key.slice(0, 12));
    expect(k.createdBy).toBe("master");
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, k.id));
    expect(JSON.stringify(row)).not.toContain(k.key);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyKey({ db: h.db, token: k.key }))?.id).toBe(k.id);
  });

  it("normalises wildcards and picks private for anything but search", async () => {
    const k = await createKey({ db: h.db, principal: master, input: input({ actions: ["ingest", "*"], indexes: ["a", "*"] }) });
    expect(k).toMatchObject({ kind: "private", actions: ["*"], indexes: ["*"] });
    expect(k.key).toMatch(/^ihk_prv_/);
  });

  it("rejects junk without a database lookup", async () => {
    const explode = new Proxy({}, { get: () => { throw new Error("database touched"); } }) as Db;
    expect(await verifyKey({ db: explode, token: "ihk_prv_" + "1".repeat(38) })).toBeNull();
    expect(await verifyKey({ db: explode, token: "Bearer nonsense" })).toBeNull();
  });

  it("a well-formed unknown key is null", async () => {
    const k = await createKey({ db: h.db, principal: master, input: input() });
    await h.db.delete(apiKeys).where(eq(apiKeys.id, k.id));
    expect(await verifyKey({ db: h.db, token: k.key })).toBeNull();
  });

  it("expired keys stop verifying", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const k = await createKey({ db: h.db, principal: master, input: input({ expiresAt: expiresAt.toISOString() }) });
    expect(await verifyKey({ db: h.db, token: k.key, now: new Date(expiresAt.getTime() - 1) })).not.toBeNull();
    expect(await verifyKey({ db: h.db, token: k.key, now: expiresAt })).toBeNull();
  });

  it("revocation takes effect at once, is idempotent, and 404s for unknown ids", async () => {
    const k = await createKey({ db: h.db, principal: master, input: input() });
    const first = await revokeKey({ db: h.db, principal: master, input: { id: k.id } });
    expect(first.revokedAt).not.toBeNull();
    expect(await verifyKey({ db: h.db, token: k.key })).toBeNull();
    const again = await revokeKey({ db: h.db, principal: master, input: { id: k.id } });
    expect(again.revokedAt).toBe(first.revokedAt);
    await expect(revokeKey({ db: h.db, principal: master, input: { id: "key_nope" } })).rejects.toMatchObject({ status: 404 });
  });

  it("lists newest first with revoked keys, creator names and no hash", async () => {
    const user: Principal = { type: "user", user: { id: "usr_lister", email: "l@example.com", name: "Lister", role: "admin" } };
    const a = await createKey({ db: h.db, principal: user, input: input({ name: "older" }) });
    const b = await createKey({ db: h.db, principal: user, input: input({ name: "newer" }) });
    await revokeKey({ db: h.db, principal: master, input: { id: a.id } });
    const list = await listKeys({ db: h.db });
    const ids = list.map((k) => k.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(list.find((k) => k.id === a.id)?.revokedAt).not.toBeNull();
    const text = JSON.stringify(list);
    expect(text).not.toContain(a.key);
    expect(text).not.toMatch(/"hash"|[0-9a-f]{64}/);
  });
});

describe("last used", () => {
  it("writes at most once per key per interval", async () => {
    const k = await createKey({ db: h.db, principal: master, input: input() });
    const t0 = new Date(Date.now() + 1_000);
    const lastUsed = async () => (await h.db.select().from(apiKeys).where(eq(apiKeys.id, k.id)))[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await verifyKey({ db: h.db, token: k.key, now: t0 });
    await flushLastUsed();
    expect((await lastUsed())?.getTime()).toBe(t0.getTime());
    await verifyKey({ db: h.db, token: k.key, now: new Date(t0.getTime() + LAST_USED_INTERVAL_MS - 1) });
    await flushLastUsed();
    expect((await lastUsed())?.getTime()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + LAST_USED_INTERVAL_MS);
    await verifyKey({ db: h.db, token: k.key, now: later });
    await flushLastUsed();
    expect((await lastUsed())?.getTime()).toBe(later.getTime());
  });
});
