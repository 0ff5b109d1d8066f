// Invitations: an admin invites an email with a role; the link (ihi_<token>) is shown once and only
// its SHA-256 is stored; it is valid for 7 days. Accepting creates the active user with the invited
// role in one transaction. Invites bypass the registration policy: the admin already decided.
import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { keyAllows, type Principal } from "../auth/principal";
import type { Action } from "../contracts/define";
import { creatorId } from "../keys/grant";
import { keyStatus } from "../keys/status";
import { actorOf, recordAudit, type Actor } from "../audit/record";
import type { AcceptInviteInput, CreateInviteInput, CreatedInviteDto, InviteDto } from "../contracts/users";
import type { Db, DbOrTx, Tx } from "../db";
import { lockUsers } from "../db/lock";
import { apiKeys } from "../db/schema/api-keys";
import { invites, users, type Invite } from "../db/schema";
import { hashPassword } from "../auth/password";
import { AppError, notFound } from "../errors";
import { newId, randomBase58 } from "../ids";

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
export const INVITE_PREFIX = "ihi_";

export const inviteNotFound = () =>
  new AppError("invite_not_found", "This invite link is not valid: it was revoked, replaced, already used, or never existed.");
export const inviteExpired = () => new AppError("invite_expired", "This invite link has expired: ask an admin for a new one.");
export const userExists = (email: string) => new AppError("user_exists", `A user with the email ${email} already exists.`);

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toInviteDto(row: Invite, invitedByName: string | null, now: Date): InviteDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy,
    invitedByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending",
  };
}

function inviterOf(p: Principal): { id: string; name: string } {
  return { id: creatorId(p), name: p.type === "user" ? p.user.name : p.type === "key" ? p.key.name : "master key" };
}

/** Open invitations (neither accepted nor revoked), newest first; expired ones say so. */
export async function listInvites({ db, now = new Date() }: { db: Db; now?: Date }): Promise<InviteDto[]> {
  const rows = await db
    .select({ invite: invites, userName: users.name, keyName: apiKeys.name })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.invitedBy))
    .leftJoin(apiKeys, eq(apiKeys.id, invites.invitedBy))
    .where(and(isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .orderBy(desc(invites.createdAt), desc(invites.id));
  return rows.map((r) =>
    toInviteDto(r.invite, r.userName ?? r.keyName ?? (r.invite.invitedBy === "master" ? "master key" : null), now),
  );
}

export async function createInvite({
  db,
  principal,
  input,
  origin,
  ip = null,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  input: CreateInviteInput;
  origin: string;
  ip?: string | null;
  now?: Date;
}): Promise<CreatedInviteDto> {
  const token = INVITE_PREFIX + randomBase58(43);
  const inviter = inviterOf(principal);
  return db.transaction(async (tx) => {
    await lockUsers(tx);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw userExists(input.email);
    // Re-inviting replaces the open invitation: its link stops working.
    const replaced = await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(and(eq(invites.email, input.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ id: invites.id });
    const [row] = await tx
      .insert(invites)
      .values({
        id: newId("inv"),
        email: input.email,
        role: input.role,
        tokenHash: hashInviteToken(token),
        invitedBy: inviter.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      })
      .returning();
    await recordAudit(tx, actorOf(principal), {
      action: "user.invited",
      target: { type: "invite", id: row.id },
      ip,
      details: { email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString(), ...(replaced.length ? { replaced: replaced.map((r) => r.id) } : {}) },
    });
    return { ...toInviteDto(row, inviter.name, now), token, url: `${origin}/invite/${token}` };
  });
}

export async function revokeInvite({
  db,
  principal,
  id,
  ip = null,
  now = new Date(),
}: {
  db: Db;
  principal: Principal;
  id: string;
  ip?: string | null;
  now?: Date;
}): Promise<InviteDto> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning();
    if (!row) throw notFound(`No open invitation ${id}.`);
    await recordAudit(tx, actorOf(principal), {
      action: "invite.revoked",
      target: { type: "invite", id },
      ip,
      details: { email: row.email, role: row.role },
    });
    return toInviteDto(row, null, now);
  });
}

export const inviterGone = () =>
  new AppError("invite_revoked", "Whoever sent this invite can no longer invite users: ask an admin for a new link.");

/**
 * Whether the invite's sender may still invite: an active admin, an unrevoked and unexpired key with
 * `admin` (or `*`) over all indexes, or the master key. A demoted, disabled or deleted admin's links
 * stop working (their open invites are also revoked when that happens: revokeInvitesFrom).
 */
async function inviterEntitled(db: DbOrTx, invitedBy: string, now: Date): Promise<boolean> {
  if (invitedBy === "master") return true;
  if (invitedBy.startsWith("key_")) {
    const [key] = await db.select().from(apiKeys).where(eq(apiKeys.id, invitedBy));
    return !!key && keyStatus(key, now) === "active" && keyAllows(key.actions as Action[], ["admin"]) && key.indexes.includes("*");
  }
  const [user] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, invitedBy));
  return user?.role === "admin" && user.status === "active";
}

/** Revokes every open invite a user sent, in the caller's transaction (they lost the right to invite). */
export async function revokeInvitesFrom(tx: Tx, userId: string, actor: Actor, ip: string | null, reason: string, now = new Date()): Promise<number> {
  const rows = await tx
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.invitedBy, userId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning();
  for (const row of rows) {
    await recordAudit(tx, actor, { action: "invite.revoked", target: { type: "invite", id: row.id }, ip, details: { email: row.email, role: row.role, reason } });
  }
  return rows.length;
}

/** The open invitation behind a token, or 404 invite_not_found / 410 invite_expired. */
function checkInvite(row: Invite | undefined, now: Date): Invite {
  if (!row || row.acceptedAt || row.revokedAt) throw inviteNotFound();
  if (row.expiresAt.getTime() <= now.getTime()) throw inviteExpired();
  return row;
}

async function findByToken(db: Db, token: string): Promise<Invite | undefined> {
  if (!token.startsWith(INVITE_PREFIX)) return undefined;
  const [row] = await db.select().from(invites).where(eq(invites.tokenHash, hashInviteToken(token)));
  return row;
}

export async function lookupInvite({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }) {
  const row = checkInvite(await findByToken(db, token), now);
  if (!(await inviterEntitled(db, row.invitedBy, now))) throw inviterGone();
  return { email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() };
}

export async function acceptInvite({
  db,
  input,
  ip = null,
  now = new Date(),
}: {
  db: Db;
  input: AcceptInviteInput;
  ip?: string | null;
  now?: Date;
}) {
  // Cheap checks first so junk tokens do not cost a bcrypt hash; re-checked under the lock below.
  checkInvite(await findByToken(db, input.token), now);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // The users lock serialises accepts (and invites): a token accepted twice in a race wins once.
    await lockUsers(tx);
    const [found] = await tx.select().from(invites).where(eq(invites.tokenHash, hashInviteToken(input.token)));
    const invite = checkInvite(found, now);
    if (!(await inviterEntitled(tx, invite.invitedBy, now))) throw inviterGone();
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email));
    if (existing) throw userExists(invite.email);
    const [user] = await tx
      .insert(users)
      .values({ id: newId("usr"), email: invite.email, name: input.name, passwordHash, role: invite.role, status: "active", createdAt: now })
      .returning();
    const marked = await tx
      .update(invites)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ id: invites.id });
    if (marked.length !== 1) throw inviteNotFound();
    await recordAudit(tx, { type: "user", id: user.id, name: user.email }, {
      action: "invite.accepted",
      target: { type: "user", id: user.id },
      ip,
      details: { inviteId: invite.id, email: user.email, role: user.role, invitedBy: invite.invitedBy },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}
