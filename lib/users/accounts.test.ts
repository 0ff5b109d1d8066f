import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { users } from "../db/schema";
import { freshDb } from "../testing/db";
import { ApiError } from "../http/errors";
import { countUsers, createFirstAdmin, needsSetup, verifyCredentials } from "./accounts";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

describe("first-run setup and credentials", () => {
  it("an empty instance needs setup", async () => {
    expect(await needsSetup(h.db)).toBe(true);
  });

  it("concurrent setups create exactly one admin", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        createFirstAdmin({ db: h.db, input: { name: `A${i}`, email: `a${i}@example.com`, password: "correct horse" } }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of attempts.filter((a) => a.status === "rejected")) {
      expect((a as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
      expect(((a as PromiseRejectedResult).reason as ApiError).status).toBe(409);
    }
    expect(await countUsers(h.db)).toBe(1);
    const [admin] = await h.db.select().from(users);
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).not.toContain("correct horse");
  });

  it("verifies credentials and records the sign-in; wrong password and unknown email look the same", async () => {
    const [admin] = await h.db.select().from(users);
    const ok = await verifyCredentials(h.db, admin.email.toUpperCase(), "correct horse");
    expect(ok?.id).toBe(admin.id);
    const [after] = await h.db.select().from(users);
    expect(after.lastSignInAt).toBeInstanceOf(Date);
    expect(await verifyCredentials(h.db, admin.email, "wrong horse")).toBeNull();
    expect(await verifyCredentials(h.db, "nobody@example.com", "correct horse")).toBeNull();
    expect(await verifyCredentials(h.db, "not an email", "correct horse")).toBeNull();
  });
});
