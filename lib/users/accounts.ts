// User accounts: first-run setup, credential checks, lookups. No HTTP here.
import { count, eq, sql } from "drizzle-orm";
import { emailSchema, type SetupInput } from "../contracts/system";
import type { Db } from "../db";
import { users, type User } from "../db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import { conflict } from "../http/errors";
import { newId } from "../ids";

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n);
}

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Creates the first admin; refused once any user exists, even when two requests race. */
export async function createFirstAdmin({ db, input }: { db: Db; input: SetupInput }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // The table lock makes "no users yet?" and the insert one step for concurrent setups.
    await tx.execute(sql`lock table ${users} in share row exclusive mode`);
    const [row] = await tx.select({ n: count() }).from(users);
    if (Number(row.n) > 0) throw conflict("Setup is already done: sign in instead.");
    const [user] = await tx
      .insert(users)
      .values({ id: newId("usr"), email: input.email, name: input.name, passwordHash, role: "admin" })
      .returning();
    return user;
  });
}

/** The active user for these credentials, or null (one answer for unknown email and wrong password). */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const parsed = emailSchema.safeParse(email);
  const [user] = parsed.success ? await db.select().from(users).where(eq(users.email, parsed.data)) : [];
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user || user.status !== "active") return null;
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return user;
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
