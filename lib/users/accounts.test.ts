import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { eq } from "drizzle-orm";
import { settings, users } from "../db/schema";
import { freshDb } from "../testing/db";
import { AppError } from "../errors";
import { countUsers, createFirstAdmin, needsSetup, verifyCredentials } from "./accounts";
import { announceSetupCode } from "./setup-code";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

describe("first-run setup and credentials", () => {
  it("an empty instance needs setup", async () => {
    expect(await needsSetup(h.db)).toBe(true);
  });

  it("off this machine, setup needs the stored code: missing or wrong is 403 and creates nothing", async () => {
    await announceSetupCode(h.db);
    const [row] = await h.db.select().from(settings).where(eq(settings.key, "setup_code"));
    const code = (row.value as { code: string }).code;
    const input = { name: "Mallory", email: "m@example.com", password: "correct horse" };
    await expect(createFirstAdmin({ db: h.db, input })).rejects.toMatchObject({ status: 403, code: "setup_code_required" });
    await expect(createFirstAdmin({ db: h.db, input: { ...input, setupCode: "AAAA-BBBB-CCCC" } })).rejects.toMatchObject({ status: 403, code: "setup_code_invalid" });
    expect(await countUsers(h.db)).toBe(0);
    // A second process announcing keeps the same code (one code per instance).
    await announceSetupCode(h.db);
    const [again] = await h.db.select().from(settings).where(eq(settings.key, "setup_code"));
    expect((again.value as { code: string }).code).toBe(code);
  });

  it("concurrent setups create exactly one admin", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        createFirstAdmin({ db: h.db, input: { name: `A${i}`, email: `a${i}@example.com`, password: "correct horse" }, local: true }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of attempts.filter((a) => a.status === "rejected")) {
      expect((a as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((a as PromiseRejectedResult).reason as AppError).status).toBe(409);
    }
    expect(await countUsers(h.db)).toBe(1);
    const [admin] = await h.db.select().from(users);
    expect(admin.role).toBe("admin");
    expect(admin.passwordHash).not.toContain("correct horse");
    // The code died with the setup that created the admin.
    expect(await h.db.select().from(settings).where(eq(settings.key, "setup_code"))).toEqual([]);
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
