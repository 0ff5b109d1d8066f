import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "../db";
import { auditLog } from "../db/schema";
import { freshDb } from "../testing/db";
import { createFirstAdmin, verifyCredentials } from "./accounts";
import { MAX_FAILURES, signInThrottle, SignInThrottled, WINDOW_MS } from "./throttle";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
  await createFirstAdmin({ db: h.db, input: { name: "Ada", email: "ada@example.com", password: "correct horse" }, local: true });
});
afterAll(async () => h?.close());

describe("sign-in throttling", () => {
  it(`locks an email after ${MAX_FAILURES} failures, even for the right password, and lets it go when the window passes`, async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(await verifyCredentials(h.db, "ada@example.com", `wrong ${i}`)).toBeNull();
    const err = await verifyCredentials(h.db, "ADA@example.com", "correct horse").catch((e) => e);
    expect(err).toBeInstanceOf(SignInThrottled);
    expect((err as SignInThrottled).retryAfterS).toBeGreaterThan(WINDOW_MS / 1000 - 60);
    expect((err as SignInThrottled).message).toMatch(/^throttled:\d+$/);
    const throttled = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in_throttled"), eq(auditLog.actorName, "ada@example.com")));
    expect(throttled).toHaveLength(1);

    // Another email (known or not) is not affected.
    expect(await verifyCredentials(h.db, "someone@example.com", "whatever")).toBeNull();
    // Once the oldest failure is out of the window, the lock is gone.
    const later = new Date(Date.now() + WINDOW_MS + 1000);
    expect(await signInThrottle(h.db, "ada@example.com", later)).toEqual({ locked: false, retryAfterS: 0 });
    expect(await signInThrottle(h.db, "ada@example.com")).toMatchObject({ locked: true });
  });

  it("counts an unknown email the same way (the lock says nothing about whether an account exists)", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await verifyCredentials(h.db, "ghost@example.com", "nope");
    await expect(verifyCredentials(h.db, "ghost@example.com", "nope")).rejects.toBeInstanceOf(SignInThrottled);
  });
});

describe("sign-up throttling", () => {
  it("refuses public sign-ups past the per-minute budget with 429, and forgets attempts older than a minute", async () => {
    const { signUp } = await import("./signup");
    const { AppError } = await import("../errors");
    const { signUpThrottle } = await import("./throttle");
    const now = Date.now();
    // 30 attempts in the last minute (the default budget), 5 more two minutes ago.
    await h.db.insert(auditLog).values([
      ...Array.from({ length: 30 }, (_, i) => ({ at: new Date(now - 1000 * (i + 1)), actorType: "anonymous", action: "signup.refused" as const })),
      ...Array.from({ length: 5 }, () => ({ at: new Date(now - 120_000), actorType: "anonymous", action: "signup.admitted" as const })),
    ]);
    const err = await signUp({ db: h.db, input: { name: "Late", email: "late@example.com", password: "late-password-1" } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 429, code: "too_many_signups" });
    expect(await signUpThrottle(h.db, 31)).toEqual({ locked: false, retryAfterS: 0 });
    expect(await signUpThrottle(h.db, 0)).toEqual({ locked: false, retryAfterS: 0 });
    expect(await signUpThrottle(h.db, 30, new Date(now + 61_000))).toEqual({ locked: false, retryAfterS: 0 });
  });
});
