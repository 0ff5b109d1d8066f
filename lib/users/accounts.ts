// User accounts: first-run setup, credential checks, lookups. No HTTP here.
import { count, eq, sql } from "drizzle-orm";
import { emailSchema, type SetupInput } from "../contracts/system";
import type { Db } from "../db";
import { users, type User } from "../db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import { conflict } from "../errors";
import { recordAudit } from "../audit/record";
import { newId } from "../ids";
import { signInThrottle, SignInThrottled } from "./throttle";
import { assertSetupCode, forgetSetupCode } from "./setup-code";

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n);
}

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/**
 * Creates the first admin; refused once any user exists, even when two requests race. Unless the
 * caller is on this machine (`local`), it needs the setup code (lib/users/setup-code.ts).
 */
export async function createFirstAdmin({
  db,
  input,
  ip = null,
  local = false,
}: {
  db: Db;
  input: SetupInput;
  ip?: string | null;
  local?: boolean;
}): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // The table lock makes "no users yet?" and the insert one step for concurrent setups.
    await tx.execute(sql`lock table ${users} in share row exclusive mode`);
    const [row] = await tx.select({ n: count() }).from(users);
    if (Number(row.n) > 0) throw conflict("Setup is already done: sign in instead.");
    await assertSetupCode(tx, { code: input.setupCode, local });
    await forgetSetupCode(tx);
    const [user] = await tx
      .insert(users)
      .values({ id: newId("usr"), email: input.email, name: input.name, passwordHash, role: "admin" })
      .returning();
    await recordAudit(tx, { type: "user", id: user.id, name: user.email }, { action: "user.created", target: { type: "user", id: user.id }, details: { via: "setup", role: "admin", name: user.name }, ip });
    return user;
  });
}

/**
 * The active user for these credentials, or null (one answer for unknown email and wrong password).
 * Throws SignInThrottled while the email has too many recent failures (lib/users/throttle.ts).
 * Both outcomes are audited: auth.signed_in with the last-sign-in update, auth.sign_in_failed with the
 * email tried and why (for admins only; the person sees one message). The password is never written.
 */
export async function verifyCredentials(db: Db, email: string, password: string, meta: { ip?: string | null } = {}): Promise<User | null> {
  const parsed = emailSchema.safeParse(email);
  const tried = (parsed.success ? parsed.data : email).slice(0, 320);
  const ip = meta.ip ?? null;
  const throttle = await signInThrottle(db, tried);
  if (throttle.locked) {
    // The password is not even checked: a locked email gives nothing away, right or wrong.
    await recordAudit(db, { type: "anonymous", id: null, name: tried }, { action: "auth.sign_in_throttled", details: { retryAfterS: throttle.retryAfterS }, ip });
    throw new SignInThrottled(throttle.retryAfterS);
  }
  const [user] = parsed.success ? await db.select().from(users).where(eq(users.email, parsed.data)) : [];
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user || user.status !== "active") {
    await recordAudit(db, { type: "anonymous", id: null, name: tried }, {
      action: "auth.sign_in_failed",
      target: user ? { type: "user", id: user.id } : undefined,
      details: { reason: ok && user ? "disabled" : "wrong credentials" },
      ip,
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { type: "user", id: user.id, name: user.email }, { action: "auth.signed_in", target: { type: "user", id: user.id }, ip });
  });
  return user;
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
