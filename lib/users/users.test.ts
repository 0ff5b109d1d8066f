// Invite expiry (with an injected "now") and the audit trail of every user change, against a fresh
// migrated database: each action writes one entry in its transaction, never a token or a password.
import { gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import type { DbHandle } from "../db";
import { auditLog, users } from "../db/schema";
import { AppError } from "../errors";
import { freshDb } from "../testing/db";
import { createFirstAdmin } from "./accounts";
import { acceptInvite, createInvite, INVITE_TTL_MS, listInvites, lookupInvite, revokeInvite } from "./invites";
import { deleteUser, updateUser } from "./manage";
import { changeOwnPassword, renameSelf } from "./profile";

let h: DbHandle;
let admin: Principal;
beforeAll(async () => {
  h = await freshDb();
  const u = await createFirstAdmin({ db: h.db, input: { name: "Ada", email: "ada@example.com", password: "ada-password-1" }, local: true });
  admin = { type: "user", user: { id: u.id, email: u.email, name: u.name, role: "admin" } };
});
afterAll(async () => h?.close());

async function rejects(p: Promise<unknown>, status: number, code: string) {
  const err = await p.then(() => null, (e) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  expect((err as AppError).code).toBe(code);
}

describe("invite expiry", () => {
  it("a link is valid for 7 days, then lookup and accept say 410 invite_expired and the list says expired", async () => {
    const t0 = new Date();
    const inv = await createInvite({ db: h.db, principal: admin, input: { email: "late@example.com", role: "member" }, origin: "http://x", now: t0 });
    expect(Date.parse(inv.expiresAt) - t0.getTime()).toBe(INVITE_TTL_MS);
    const justBefore = new Date(t0.getTime() + INVITE_TTL_MS - 1000);
    expect(await lookupInvite({ db: h.db, token: inv.token, now: justBefore })).toMatchObject({ email: "late@example.com" });
    const after = new Date(t0.getTime() + INVITE_TTL_MS + 1000);
    await rejects(lookupInvite({ db: h.db, token: inv.token, now: after }), 410, "invite_expired");
    await rejects(acceptInvite({ db: h.db, input: { token: inv.token, name: "L", password: "late-password" }, now: after }), 410, "invite_expired");
    expect((await listInvites({ db: h.db, now: after })).find((i) => i.id === inv.id)?.status).toBe("expired");
    expect((await listInvites({ db: h.db, now: justBefore })).find((i) => i.id === inv.id)?.status).toBe("pending");
    // An expired invite can still be revoked (to tidy the list) or replaced by a new invite.
    await revokeInvite({ db: h.db, principal: admin, id: inv.id, now: after });
    expect((await listInvites({ db: h.db })).some((i) => i.id === inv.id)).toBe(false);
  });
});

describe("audit trail", () => {
  it("every change writes its entry with the actor, and no entry contains a token or a password", async () => {
    const [{ last }] = await h.db.select({ last: max(auditLog.id) }).from(auditLog);
    const secrets: string[] = ["ada-password-1", "bob-password-1", "bob-password-2"];
    const inv = await createInvite({ db: h.db, principal: admin, input: { email: "bob@example.com", role: "member" }, origin: "http://x" });
    secrets.push(inv.token, inv.url);
    const spare = await createInvite({ db: h.db, principal: { type: "master" }, input: { email: "gone@example.com", role: "viewer" }, origin: "http://x" });
    secrets.push(spare.token);
    await revokeInvite({ db: h.db, principal: admin, id: spare.id });
    const bob = await acceptInvite({ db: h.db, input: { token: inv.token, name: "Bob", password: "bob-password-1" }, ip: "10.0.0.9" });
    const bobP: Principal = { type: "user", user: { ...bob, role: "member" } };
    await updateUser({ db: h.db, principal: admin, id: bob.id, input: { role: "viewer" } });
    await updateUser({ db: h.db, principal: admin, id: bob.id, input: { status: "disabled" } });
    await updateUser({ db: h.db, principal: admin, id: bob.id, input: { status: "active" } });
    await renameSelf({ db: h.db, principal: bobP, name: "Robert" });
    await rejects(changeOwnPassword({ db: h.db, principal: bobP, currentPassword: "wrong-one", newPassword: "bob-password-2" }), 400, "wrong_password");
    await changeOwnPassword({ db: h.db, principal: bobP, currentPassword: "bob-password-1", newPassword: "bob-password-2" });
    // Refused changes write nothing.
    await rejects(updateUser({ db: h.db, principal: admin, id: admin.type === "user" ? admin.user.id : "", input: { role: "member" } }), 409, "last_admin");
    await deleteUser({ db: h.db, principal: admin, id: bob.id });

    const rows = await h.db.select().from(auditLog).where(gt(auditLog.id, last ?? 0)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      "user.invited",
      "user.invited",
      "invite.revoked",
      "invite.accepted",
      "user.role_changed",
      "user.disabled",
      "user.enabled",
      "user.renamed",
      "auth.sign_in_failed",
      "user.password_changed",
      "user.deleted",
    ]);
    const adminId = admin.type === "user" ? admin.user.id : "";
    expect(rows[0]).toMatchObject({ actorType: "user", actorId: adminId, targetType: "invite", targetId: inv.id, details: { email: "bob@example.com", role: "member" } });
    expect(rows[1]).toMatchObject({ actorType: "master", targetId: spare.id });
    expect(rows[3]).toMatchObject({ actorType: "user", actorId: bob.id, actorName: "bob@example.com", targetId: bob.id, ip: "10.0.0.9" });
    expect(rows[4]).toMatchObject({ actorId: adminId, targetId: bob.id, details: { before: { role: "member" }, after: { role: "viewer" } } });
    expect(rows[7]).toMatchObject({ actorId: bob.id, details: { before: { name: "Bob" }, after: { name: "Robert" } } });
    expect(rows[8]).toMatchObject({ actorId: bob.id, targetId: bob.id, details: { reason: "wrong current password (password change)" } });
    expect(rows[9]).toMatchObject({ actorId: bob.id, targetId: bob.id });
    expect(rows[10]).toMatchObject({ actorId: adminId, details: { email: "bob@example.com", role: "viewer" } });
    const dump = JSON.stringify(rows);
    const { hashInviteToken } = await import("./invites");
    for (const s of [...secrets, hashInviteToken(inv.token)]) expect(dump).not.toContain(s);
    expect(dump).not.toMatch(/\$2[aby]\$/); // no bcrypt hash
    expect(await h.db.select().from(users)).toHaveLength(1);
  });
});
