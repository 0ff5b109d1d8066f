// User management by admins: list, change role / status / name, delete. The last active admin can
// never be demoted, disabled or deleted: every change takes a table lock first, so two concurrent
// demotions of the last two admins cannot both pass the count.
import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { actorOf, recordAudit } from "../audit/record";
import type { UpdateUserInput, UserDto } from "../contracts/users";
import type { Db, Tx } from "../db";
import { lockUsers } from "../db/lock";
import { users } from "../db/schema";
import { AppError, notFound } from "../errors";
import { toUserDto } from "./dto";
import { revokeInvitesFrom } from "./invites";

export const lastAdmin = (message: string) => new AppError("last_admin", message);

export async function listUsers({ db }: { db: Db }): Promise<UserDto[]> {
  const rows = await db.select().from(users).orderBy(asc(users.createdAt), asc(users.id));
  return rows.map(toUserDto);
}

async function activeAdminCount(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.status, "active")));
  return Number(row.n);
}

export async function updateUser({
  db,
  principal,
  id,
  input,
  ip = null,
}: {
  db: Db;
  principal: Principal;
  id: string;
  input: UpdateUserInput;
  ip?: string | null;
}): Promise<UserDto> {
  return db.transaction(async (tx) => {
    await lockUsers(tx);
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound(`No user ${id}.`);
    const role = input.role ?? before.role;
    const status = input.status ?? before.status;
    const wasActiveAdmin = before.role === "admin" && before.status === "active";
    if (wasActiveAdmin && (role !== "admin" || status !== "active") && (await activeAdminCount(tx)) <= 1) {
      throw lastAdmin(
        role !== "admin"
          ? `${before.email} is the last active admin: make someone else an admin first.`
          : `${before.email} is the last active admin and cannot be disabled.`,
      );
    }
    const disabling = status === "disabled" && before.status !== "disabled";
    const [after] = await tx
      .update(users)
      .set({
        role,
        status,
        ...(input.name !== undefined ? { name: input.name } : {}),
        // A disabled user's sessions end at once: every session carries the version it was issued at.
        ...(disabling ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    const actor = actorOf(principal);
    const target = { type: "user", id };
    if (wasActiveAdmin && (after.role !== "admin" || after.status !== "active")) {
      await revokeInvitesFrom(tx, id, actor, ip, after.status !== "active" ? "inviter disabled" : "inviter no longer an admin");
    }
    if (after.role !== before.role) {
      await recordAudit(tx, actor, { action: "user.role_changed", target, ip, details: { email: after.email, before: { role: before.role }, after: { role: after.role } } });
    }
    if (after.status !== before.status) {
      await recordAudit(tx, actor, { action: after.status === "disabled" ? "user.disabled" : "user.enabled", target, ip, details: { email: after.email } });
    }
    if (after.name !== before.name) {
      await recordAudit(tx, actor, { action: "user.renamed", target, ip, details: { email: after.email, before: { name: before.name }, after: { name: after.name } } });
    }
    return toUserDto(after);
  });
}

export async function deleteUser({
  db,
  principal,
  id,
  ip = null,
}: {
  db: Db;
  principal: Principal;
  id: string;
  ip?: string | null;
}): Promise<UserDto> {
  if (principal.type === "user" && principal.user.id === id) {
    throw new AppError("self", "You cannot delete your own account: ask another admin.");
  }
  return db.transaction(async (tx) => {
    await lockUsers(tx);
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound(`No user ${id}.`);
    if (before.role === "admin" && before.status === "active" && (await activeAdminCount(tx)) <= 1) {
      throw lastAdmin(`${before.email} is the last active admin and cannot be deleted.`);
    }
    await tx.delete(users).where(eq(users.id, id));
    await revokeInvitesFrom(tx, id, actorOf(principal), ip, "inviter deleted");
    await recordAudit(tx, actorOf(principal), {
      action: "user.deleted",
      target: { type: "user", id },
      ip,
      details: { email: before.email, name: before.name, role: before.role },
    });
    return toUserDto(before);
  });
}
