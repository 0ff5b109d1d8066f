// The key cache: hits skip the database, yet revocation (here and from another process, through
// NOTIFY) and expiry still apply on the very next verification.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import type { Db, DbHandle } from "../db";
import { apiKeys } from "../db/schema/api-keys";
import { KEYS_CHANNEL } from "../db/channels";
import { freshDb } from "../testing/db";
import { eventually } from "../testing/wait";
import { createKey } from "./create-key";
import { hashKey } from "./format";
import { cachedKey, clearKeyCache, enableKeyCache, forgetKey, KEY_CACHE_MAX_AGE_MS, keyCacheGeneration, rememberKey } from "./key-cache";
import { revokeKey } from "./revoke-key";
import { flushLastUsed, verifyKey } from "./verify-key";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => {
  await flushLastUsed();
  clearKeyCache();
  await h?.close();
});

const master: Principal = { type: "master" };
const newKey = (expiresAt?: Date) =>
  createKey({ db: h.db, principal: master, input: { name: "cached", actions: ["search"], indexes: ["*"], ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) } });
/** A database that fails the test if a verification reads it (writes of last_used_at are allowed). */
const noReads = () =>
  new Proxy(h.db, {
    get: (target, prop) => {
      if (prop === "select") throw new Error("database read");
      return Reflect.get(target, prop);
    },
  }) as Db;

describe("key cache", () => {
  it("is off until this process listens for revocations", async () => {
    const k = await newKey();
    await verifyKey({ db: h.db, token: k.key });
    expect(cachedKey(hashKey(k.key))).toBeUndefined();
    await enableKeyCache(h);
    await verifyKey({ db: h.db, token: k.key });
    expect(cachedKey(hashKey(k.key))?.id).toBe(k.id);
    expect((await verifyKey({ db: noReads(), token: k.key }))?.id).toBe(k.id);
  });

  it("revoking drops the key at once", async () => {
    const k = await newKey();
    expect((await verifyKey({ db: h.db, token: k.key }))?.id).toBe(k.id);
    await revokeKey({ db: h.db, principal: master, input: { id: k.id } });
    expect(cachedKey(hashKey(k.key))).toBeUndefined();
    expect(await verifyKey({ db: h.db, token: k.key })).toBeNull();
  });

  it("a revocation announced by another process drops the key", async () => {
    const k = await newKey();
    await verifyKey({ db: h.db, token: k.key });
    // What another process's revokeKey does: the row change and the NOTIFY, committed together.
    await h.db.transaction(async (tx) => {
      await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, k.id));
      await tx.execute(sql`select pg_notify(${KEYS_CHANNEL}, ${k.id})`);
    });
    // The NOTIFY arrives on the listening connection: waited for (a loaded machine can take its time), not slept.
    expect(await eventually(() => cachedKey(hashKey(k.key)) === undefined, { intervalMs: 5 })).toBe(true);
    expect(await verifyKey({ db: h.db, token: k.key })).toBeNull();
  });

  it("expiry is checked on every use of a cached key", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const k = await newKey(expiresAt);
    expect(await verifyKey({ db: h.db, token: k.key, now: new Date(expiresAt.getTime() - 1) })).not.toBeNull();
    expect(cachedKey(hashKey(k.key), expiresAt.getTime() - 1)).toBeDefined();
    expect(await verifyKey({ db: noReads(), token: k.key, now: expiresAt })).toBeNull();
  });

  it("a lookup that raced an invalidation does not store its row; entries age out", async () => {
    const k = await newKey();
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, k.id));
    const generation = keyCacheGeneration();
    forgetKey("key_other"); // any invalidation while the lookup ran
    rememberKey(hashKey(k.key), row, generation);
    expect(cachedKey(hashKey(k.key))).toBeUndefined();
    const now = Date.now();
    rememberKey(hashKey(k.key), row, keyCacheGeneration(), now);
    expect(cachedKey(hashKey(k.key), now + KEY_CACHE_MAX_AGE_MS - 1)?.id).toBe(k.id);
    expect(cachedKey(hashKey(k.key), now + KEY_CACHE_MAX_AGE_MS)).toBeUndefined();
  });
});
