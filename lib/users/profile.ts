// The signed-in user's own profile: display name and password. Role and status are not theirs to change.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { hashPassword, verifyPassword } from "../auth/password";
import { actorOf, recordAudit } from "../audit/record";
import type { ProfileDto } from "../contracts/users";
import type { Db } from "../db";
import { users, type User } from "../db/schema";
import { getUser } from "./accounts";
import { signInThrottle } from "./throttle";
import { AppError, badRequest, forbidden, unauthorized } from "../errors";

function toProfile(u: User): ProfileDto {
  return { id: u.id, email: u.email, name: u.name, role: u.role, evaluation: u.evaluation, createdAt: u.createdAt.toISOString() };
}

function userIdOf(p: Principal): string {
  if (p.type !== "user") throw forbidden("The profile belongs to a signed-in user; the master key and API keys have none.");
  return p.user.id;
}

async function load(db: Db, id: string): Promise<User> {
  const u = await getUser(db, id);
  if (!u) throw unauthorized();
  return u;
}

export async function getProfile({ db, principal }: { db: Db; principal: Principal }): Promise<ProfileDto> {
  return toProfile(await load(db, userIdOf(principal)));
}

export async function renameSelf({
  db,
  principal,
  name,
  ip = null,
}: {
  db: Db;
  principal: Principal;
  name: string;
  ip?: string | null;
}): Promise<ProfileDto> {
  const id = userIdOf(principal);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw unauthorized();
    if (before.name === name) return toProfile(before);
    const [after] = await tx.update(users).set({ name }).where(eq(users.id, id)).returning();
    await recordAudit(tx, actorOf(principal), {
      action: "user.renamed",
      target: { type: "user", id },
      ip,
      details: { email: after.email, before: { name: before.name }, after: { name: after.name } },
    });
    return toProfile(after);
  });
}

/**
 * Changes the caller's password after checking the current one. Every session of theirs ends (the
 * session version is bumped), so a stolen cookie dies with the old password; the dashboard signs the
 * user straight back in with the new one.
 */
export async function changeOwnPassword({
  db,
  principal,
  currentPassword,
  newPassword,
  ip = null,
}: {
  db: Db;
  principal: Principal;
  currentPassword: string;
  newPassword: string;
  ip?: string | null;
}): Promise<void> {
  const id = userIdOf(principal);
  const user = await load(db, id);
  // Guessing the current password from a stolen session is throttled like sign-in, on the same count.
  const throttle = await signInThrottle(db, user.email);
  if (throttle.locked) {
    throw new AppError("too_many_attempts", `Too many wrong passwords: try again in ${Math.ceil(throttle.retryAfterS / 60)} minutes.`, { retryAfterS: throttle.retryAfterS });
  }
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordAudit(db, actorOf(principal), { action: "auth.sign_in_failed", target: { type: "user", id }, ip, details: { reason: "wrong current password (password change)" } });
    throw new AppError("wrong_password", "The current password is not correct.");
  }
  if (currentPassword === newPassword) throw badRequest("The new password must differ from the current one.", [{ path: "newPassword", message: "same as the current password", code: "custom" }]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id));
    await recordAudit(tx, actorOf(principal), { action: "user.password_changed", target: { type: "user", id }, ip, details: { email: user.email } });
  });
}
