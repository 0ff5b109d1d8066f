// Users, invites and profile over real HTTP against `next start`: the invite link's life (lookup,
// accept, replace, race), roles and disabling taking effect at once, the last-admin guard (also
// under concurrent demotions), delete, junk input that changes nothing, and self-service profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, signInCookie, startServer, type TestServer } from "../testing/server";
import { userWithRole } from "../testing/users";

let server: TestServer;
let adminId: string;
let adminCookie: string;
const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "ada-password-1" };

beforeAll(async () => {
  server = await startServer();
  const setup = await api(server, null)("POST", "/api/v1/setup", ADMIN);
  expect(setup.status, setup.text).toBe(201);
  adminId = setup.json.id;
  adminCookie = (await signInCookie(server, ADMIN.email, ADMIN.password))!;
  expect(adminCookie).toBeTruthy();
});
afterAll(async () => server?.stop());

const master = () => api(server);
const anon = () => api(server, null);
/** A call with a session cookie instead of a bearer. */
const as = (cookie: string) => (method: string, path: string, body?: unknown) => api(server, null)(method, path, body, { cookie });

async function getUser(id: string) {
  const r = await master()("GET", "/api/v1/users");
  expect(r.status).toBe(200);
  return (r.json.results as { id: string; role: string; status: string; name: string }[]).find((u) => u.id === id);
}

describe("invite links", () => {
  it("invite → lookup → accept → sign in, with the invited role; the link then stops working", async () => {
    const inv = await as(adminCookie)("POST", "/api/v1/invites", { email: "  Bob@Example.com ", role: "member" });
    expect(inv.status, inv.text).toBe(201);
    expect(inv.json).toMatchObject({ email: "bob@example.com", role: "member", invitedBy: adminId, invitedByName: ADMIN.name, status: "pending" });
    expect(inv.json.id).toMatch(/^inv_/);
    expect(inv.json.token).toMatch(/^ihi_[A-Za-z0-9_-]{32,}$/);
    expect(inv.json.url).toBe(`${server.url}/invite/${inv.json.token}`);
    const days = (Date.parse(inv.json.expiresAt) - Date.parse(inv.json.createdAt)) / 86_400_000;
    expect(days).toBe(7);

    // Listed without the token or its hash.
    const list = await master()("GET", "/api/v1/invites");
    expect(list.status).toBe(200);
    expect(list.json.results.find((i: { id: string }) => i.id === inv.json.id)).toMatchObject({ email: "bob@example.com", status: "pending" });
    expect(list.text).not.toContain(inv.json.token);
    const { createHash } = await import("node:crypto");
    expect(list.text).not.toContain(createHash("sha256").update(inv.json.token).digest("hex"));

    const look = await anon()("POST", "/api/v1/invites/lookup", { token: inv.json.token });
    expect(look.status, look.text).toBe(200);
    expect(look.json).toEqual({ email: "bob@example.com", role: "member", expiresAt: inv.json.expiresAt });

    const acc = await anon()("POST", "/api/v1/invites/accept", { token: inv.json.token, name: "Bob", password: "bob-password-1" });
    expect(acc.status, acc.text).toBe(201);
    expect(acc.json).toMatchObject({ email: "bob@example.com", name: "Bob", role: "member" });
    expect(acc.json.id).toMatch(/^usr_/);

    const cookie = await signInCookie(server, "bob@example.com", "bob-password-1");
    expect(cookie).toBeTruthy();
    const me = await as(cookie!)("GET", "/api/v1/me");
    expect(me.json).toMatchObject({ type: "user", id: acc.json.id, role: "member" });
    expect(await getUser(acc.json.id)).toMatchObject({ role: "member", status: "active", evaluation: false, userData: null, lastSignInAt: expect.any(String) });

    // Used: lookup and accept say not found; the invite left the list.
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: inv.json.token })).json.error.code).toBe("invite_not_found");
    const again = await anon()("POST", "/api/v1/invites/accept", { token: inv.json.token, name: "Eve", password: "eve-password-1" });
    expect(again.status).toBe(404);
    expect((await master()("GET", "/api/v1/invites")).json.results.some((i: { id: string }) => i.id === inv.json.id)).toBe(false);
  });

  it("unknown tokens are 404 invite_not_found; inviting an existing user is 409", async () => {
    for (const token of ["ihi_nope", "nope", "ihi_" + "x".repeat(43)]) {
      const r = await anon()("POST", "/api/v1/invites/lookup", { token });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe("invite_not_found");
    }
    const dup = await master()("POST", "/api/v1/invites", { email: ADMIN.email.toUpperCase(), role: "viewer" });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("user_exists");
  });

  it("re-inviting a pending email replaces the old invite: the old link stops working", async () => {
    const a = await master()("POST", "/api/v1/invites", { email: "carol@example.com", role: "viewer" });
    const b = await master()("POST", "/api/v1/invites", { email: "carol@example.com", role: "member" });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.invitedBy).toBe("master");
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: a.json.token })).status).toBe(404);
    expect((await anon()("POST", "/api/v1/invites/accept", { token: a.json.token, name: "C", password: "carol-password" })).status).toBe(404);
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: b.json.token })).json.role).toBe("member");
    const pending = (await master()("GET", "/api/v1/invites")).json.results.filter((i: { email: string }) => i.email === "carol@example.com");
    expect(pending.map((i: { id: string }) => i.id)).toEqual([b.json.id]);
  });

  it("revoking an invite kills its link; revoking again is 404", async () => {
    const a = await master()("POST", "/api/v1/invites", { email: "dan@example.com", role: "viewer" });
    const del = await as(adminCookie)("DELETE", `/api/v1/invites/${a.json.id}`);
    expect(del.status, del.text).toBe(200);
    expect(del.json).toMatchObject({ id: a.json.id, email: "dan@example.com" });
    expect(del.text).not.toContain(a.json.token);
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: a.json.token })).status).toBe(404);
    expect((await master()("DELETE", `/api/v1/invites/${a.json.id}`)).status).toBe(404);
  });

  it("a token accepted twice at once creates one user: one 201, the other 404/409", async () => {
    const a = await master()("POST", "/api/v1/invites", { email: "race@example.com", role: "viewer" });
    const results = await Promise.all(
      [1, 2, 3].map((i) => anon()("POST", "/api/v1/invites/accept", { token: a.json.token, name: `R${i}`, password: "race-password-1" })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const s of statuses.filter((s) => s !== 201)) expect([404, 409]).toContain(s);
    const users = (await master()("GET", "/api/v1/users")).json.results.filter((u: { email: string }) => u.email === "race@example.com");
    expect(users).toHaveLength(1);
  });

  it("bad input is a 400 and changes nothing", async () => {
    const before = (await master()("GET", "/api/v1/invites")).json.results.length;
    for (const body of [{ email: "not-an-email", role: "member" }, { email: "x@example.com", role: "owner" }, { email: "x@example.com" }, { email: "x@example.com", role: "member", extra: 1 }]) {
      const r = await master()("POST", "/api/v1/invites", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe("invalid_request");
      expect(r.json.error.details.length).toBeGreaterThan(0);
    }
    expect((await master()("GET", "/api/v1/invites")).json.results.length).toBe(before);

    const a = await master()("POST", "/api/v1/invites", { email: "frank@example.com", role: "member" });
    for (const body of [{ token: a.json.token, name: "F", password: "short" }, { token: a.json.token, name: "", password: "long-enough-1" }, { token: a.json.token, password: "long-enough-1" }]) {
      const r = await anon()("POST", "/api/v1/invites/accept", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: a.json.token })).status).toBe(200);
    const junk = await anon()("POST", "/api/v1/invites/lookup", "{nope", { "content-type": "application/json" });
    expect(junk.status).toBe(400);
    expect(junk.json.error.code).toBe("invalid_json");
  });
});

describe("an invite outlives nobody's right to send it", () => {
  it("an admin's open invites are revoked when they are demoted; a revoked key's invites stop working", async () => {
    const second = await userWithRole(server, "admin", { email: "second-admin@example.com" });
    const inv = await as(second.cookie)("POST", "/api/v1/invites", { email: "pal@example.com", role: "admin" });
    expect(inv.status, inv.text).toBe(201);
    expect((await master()("PATCH", `/api/v1/users/${second.id}`, { role: "member" })).status).toBe(200);
    expect((await master()("GET", "/api/v1/invites")).json.results.map((i: { id: string }) => i.id)).not.toContain(inv.json.id);
    const acc = await anon()("POST", "/api/v1/invites/accept", { token: inv.json.token, name: "Pal", password: "pal-password-1" });
    expect(acc.status, acc.text).toBe(404);
    const audit = await master()("GET", `/api/v1/audit?action=invite.revoked&targetId=${inv.json.id}`);
    expect(audit.json.results[0].details).toMatchObject({ email: "pal@example.com", reason: "inviter no longer an admin" });

    const key = await master()("POST", "/api/v1/keys", { name: "inviter", actions: ["admin"], indexes: ["*"] });
    const byKey = await api(server, key.json.key)("POST", "/api/v1/invites", { email: "via-key@example.com", role: "member" });
    expect(byKey.status, byKey.text).toBe(201);
    expect((await anon()("POST", "/api/v1/invites/lookup", { token: byKey.json.token })).status).toBe(200);
    expect((await master()("DELETE", `/api/v1/keys/${key.json.id}`)).status).toBe(200);
    const look = await anon()("POST", "/api/v1/invites/lookup", { token: byKey.json.token });
    expect(look.status, look.text).toBe(410);
    expect(look.json.error.code).toBe("invite_revoked");
    const accKey = await anon()("POST", "/api/v1/invites/accept", { token: byKey.json.token, name: "Via", password: "via-password-1" });
    expect(accKey.status).toBe(410);
    expect((await master()("GET", "/api/v1/users")).json.results.map((u: { email: string }) => u.email)).not.toContain("via-key@example.com");
  });
});

describe("managing users", () => {
  it("only admins (and admin keys / the master key) manage users and invites", async () => {
    const member = await userWithRole(server, "member");
    const viewer = await userWithRole(server, "viewer");
    for (const [method, path, body] of [
      ["GET", "/api/v1/users"],
      ["GET", "/api/v1/invites"],
      ["POST", "/api/v1/invites", { email: "z@example.com", role: "admin" }],
      ["PATCH", `/api/v1/users/${viewer.id}`, { role: "admin" }],
      ["DELETE", `/api/v1/users/${viewer.id}`],
    ] as [string, string, unknown][]) {
      expect((await as(member.cookie)(method, path, body)).status, `member ${method} ${path}`).toBe(403);
      expect((await as(viewer.cookie)(method, path, body)).status, `viewer ${method} ${path}`).toBe(403);
      expect((await anon()(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
    }
    expect((await getUser(viewer.id))!.role).toBe("viewer");
    const key = await master()("POST", "/api/v1/keys", { name: "ops", actions: ["admin"] });
    expect((await api(server, key.json.key)("GET", "/api/v1/users")).status).toBe(200);
    const search = await master()("POST", "/api/v1/keys", { name: "s", actions: ["search"] });
    expect((await api(server, search.json.key)("GET", "/api/v1/users")).status).toBe(403);
  });

  it("a role change takes effect at once: a member made viewer gets 403 on the next write", async () => {
    const m = await userWithRole(server, "member");
    const ok = await as(m.cookie)("POST", "/api/v1/keys", { name: "mine", actions: ["search"] });
    expect(ok.status, ok.text).toBe(201);
    const patch = await as(adminCookie)("PATCH", `/api/v1/users/${m.id}`, { role: "viewer" });
    expect(patch.status, patch.text).toBe(200);
    expect(patch.json).toMatchObject({ id: m.id, role: "viewer", status: "active" });
    expect(patch.text).not.toMatch(/password|sessionVersion/i);
    const denied = await as(m.cookie)("POST", "/api/v1/keys", { name: "mine 2", actions: ["search"] });
    expect(denied.status).toBe(403);
    // The session itself survived (role is re-read per request, not a reason to sign out).
    expect((await as(m.cookie)("GET", "/api/v1/me")).json.role).toBe("viewer");
  });

  it("disabling ends every session at once and blocks sign-in; enabling lets them sign in again", async () => {
    const v = await userWithRole(server, "viewer");
    expect((await as(v.cookie)("GET", "/api/v1/me")).status).toBe(200);
    const dis = await master()("PATCH", `/api/v1/users/${v.id}`, { status: "disabled" });
    expect(dis.status, dis.text).toBe(200);
    expect(dis.json.status).toBe("disabled");
    expect((await as(v.cookie)("GET", "/api/v1/me")).status).toBe(401);
    expect(await signInCookie(server, v.email, v.password)).toBeNull();
    expect((await master()("PATCH", `/api/v1/users/${v.id}`, { status: "active" })).status).toBe(200);
    expect((await as(v.cookie)("GET", "/api/v1/me")).status).toBe(401); // the old session stays dead
    const fresh = await signInCookie(server, v.email, v.password);
    expect((await as(fresh!)("GET", "/api/v1/me")).status).toBe(200);
  });

  it("the last active admin cannot be demoted, disabled or deleted; nobody deletes themselves", async () => {
    // Demote every other admin first (earlier tests may have made some).
    const all = (await master()("GET", "/api/v1/users")).json.results as { id: string; role: string; status: string }[];
    for (const u of all.filter((u) => u.role === "admin" && u.id !== adminId)) {
      expect((await master()("PATCH", `/api/v1/users/${u.id}`, { role: "member" })).status).toBe(200);
    }
    for (const body of [{ role: "member" }, { role: "viewer" }, { status: "disabled" }]) {
      const r = await as(adminCookie)("PATCH", `/api/v1/users/${adminId}`, body);
      expect(r.status, JSON.stringify(body)).toBe(409);
      expect(r.json.error.code).toBe("last_admin");
    }
    const del = await master()("DELETE", `/api/v1/users/${adminId}`);
    expect(del.status).toBe(409);
    expect(del.json.error.code).toBe("last_admin");
    const self = await as(adminCookie)("DELETE", `/api/v1/users/${adminId}`);
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe("self");
    // Renaming the last admin is fine.
    expect((await master()("PATCH", `/api/v1/users/${adminId}`, { name: "Ada L." })).json).toMatchObject({ name: "Ada L.", role: "admin", status: "active" });
    expect(await getUser(adminId)).toMatchObject({ role: "admin", status: "active" });
  });

  it("two admins demoting each other at once: exactly one succeeds", async () => {
    const b = await userWithRole(server, "admin");
    const [r1, r2] = await Promise.all([
      as(b.cookie)("PATCH", `/api/v1/users/${adminId}`, { role: "member" }),
      as(adminCookie)("PATCH", `/api/v1/users/${b.id}`, { status: "disabled" }),
    ]);
    const statuses = [r1.status, r2.status].sort();
    // One wins; the other is refused as the last admin — or, when the winner already demoted the
    // caller, 403 because the caller is no longer an admin. Never both.
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const users = (await master()("GET", "/api/v1/users")).json.results as { role: string; status: string }[];
    expect(users.filter((u) => u.role === "admin" && u.status === "active")).toHaveLength(1);
    // Restore: Ada is the admin again (her session survived a role change), B deleted.
    await master()("PATCH", `/api/v1/users/${adminId}`, { role: "admin", status: "active" });
    expect((await as(adminCookie)("GET", "/api/v1/users")).status).toBe(200);
    expect((await master()("DELETE", `/api/v1/users/${b.id}`)).status).toBe(200);
  });

  it("concurrent demotions through the master key leave one active admin", async () => {
    const b = await userWithRole(server, "admin");
    const [r1, r2] = await Promise.all([
      master()("PATCH", `/api/v1/users/${adminId}`, { role: "viewer" }),
      master()("PATCH", `/api/v1/users/${b.id}`, { role: "viewer" }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect([r1, r2].find((r) => r.status === 409)!.json.error.code).toBe("last_admin");
    const admins = ((await master()("GET", "/api/v1/users")).json.results as { role: string; status: string }[]).filter((u) => u.role === "admin" && u.status === "active");
    expect(admins).toHaveLength(1);
    await master()("PATCH", `/api/v1/users/${adminId}`, { role: "admin" });
    expect((await master()("DELETE", `/api/v1/users/${b.id}`)).status).toBe(200);
  });

  it("delete returns the user, ends their sessions, and 404s the second time", async () => {
    const m = await userWithRole(server, "member");
    const del = await as(adminCookie)("DELETE", `/api/v1/users/${m.id}`);
    expect(del.status, del.text).toBe(200);
    expect(del.json).toMatchObject({ id: m.id, email: m.email, role: "member" });
    expect(await getUser(m.id)).toBeUndefined();
    expect((await as(m.cookie)("GET", "/api/v1/me")).status).toBe(401);
    expect((await master()("DELETE", `/api/v1/users/${m.id}`)).status).toBe(404);
    expect((await master()("PATCH", `/api/v1/users/${m.id}`, { role: "viewer" })).status).toBe(404);
    // The email can be invited again.
    expect((await master()("POST", "/api/v1/invites", { email: m.email, role: "viewer" })).status).toBe(201);
  });

  it("bad PATCH bodies are 400 and change nothing", async () => {
    const v = await userWithRole(server, "viewer", { name: "Vic" });
    for (const body of [{}, { role: "owner" }, { status: "gone" }, { name: "" }, { role: "admin", evaluation: true }, { sessionVersion: 9 }]) {
      const r = await master()("PATCH", `/api/v1/users/${v.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect(await getUser(v.id)).toMatchObject({ role: "viewer", status: "active", name: "Vic" });
    expect((await as(v.cookie)("GET", "/api/v1/me")).status).toBe(200);
  });
});

describe("profile", () => {
  it("anyone signed in reads and renames themselves; the role is not theirs to change", async () => {
    const v = await userWithRole(server, "viewer", { name: "Val" });
    const p = await as(v.cookie)("GET", "/api/v1/profile");
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ id: v.id, email: v.email, name: "Val", role: "viewer", evaluation: false });
    const r = await as(v.cookie)("PATCH", "/api/v1/profile", { name: "  Valerie " });
    expect(r.status, r.text).toBe(200);
    expect(r.json.name).toBe("Valerie");
    for (const body of [{ name: "Val", role: "admin" }, { role: "admin" }, { name: "" }, { name: "x".repeat(101) }]) {
      expect((await as(v.cookie)("PATCH", "/api/v1/profile", body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await getUser(v.id)).toMatchObject({ role: "viewer", name: "Valerie" });
    expect((await anon()("GET", "/api/v1/profile")).status).toBe(401);
    expect((await master()("GET", "/api/v1/profile")).status).toBe(403);
  });

  it("guessing the current password is throttled like sign-in: after 10 wrong ones, 429 even for the right one", async () => {
    const g = await userWithRole(server, "member", { password: "guess-password-1" });
    for (let i = 0; i < 10; i++) {
      const r = await as(g.cookie)("POST", "/api/v1/profile/password", { currentPassword: `guess-${i}-wrong`, newPassword: "new-password-9" });
      expect(r.status, r.text).toBe(400);
    }
    const locked = await as(g.cookie)("POST", "/api/v1/profile/password", { currentPassword: "guess-password-1", newPassword: "new-password-9" });
    expect(locked.status, locked.text).toBe(429);
    expect(locked.json.error.code).toBe("too_many_attempts");
    // The same count locks sign-in for that email; the password did not change.
    expect(await signInCookie(server, g.email, "guess-password-1")).toBeNull();
    const failures = await master()("GET", `/api/v1/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(g.email)}`);
    expect(failures.json.results.length).toBeGreaterThanOrEqual(10);
    expect(failures.text).not.toContain("guess-3-wrong");
  });

  it("password change: wrong current is 400 wrong_password; then the old password and old sessions stop working", async () => {
    const m = await userWithRole(server, "member", { password: "old-password-1" });
    const wrong = await as(m.cookie)("POST", "/api/v1/profile/password", { currentPassword: "nope-nope", newPassword: "new-password-1" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe("wrong_password");
    expect((await as(m.cookie)("POST", "/api/v1/profile/password", { currentPassword: "old-password-1", newPassword: "short" })).status).toBe(400);
    expect(await signInCookie(server, m.email, "old-password-1")).toBeTruthy();

    const ok = await as(m.cookie)("POST", "/api/v1/profile/password", { currentPassword: "old-password-1", newPassword: "new-password-1" });
    expect(ok.status, ok.text).toBe(204);
    expect(await signInCookie(server, m.email, "old-password-1")).toBeNull();
    expect((await as(m.cookie)("GET", "/api/v1/me")).status).toBe(401);
    const fresh = await signInCookie(server, m.email, "new-password-1");
    expect((await as(fresh!)("GET", "/api/v1/profile")).json.email).toBe(m.email);
  });
});

describe("OpenAPI", () => {
  it("documents the users, invites and profile routes", async () => {
    const r = await anon()("GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    for (const [path, method] of [
      ["/api/v1/users", "get"],
      ["/api/v1/users/{id}", "patch"],
      ["/api/v1/users/{id}", "delete"],
      ["/api/v1/invites", "get"],
      ["/api/v1/invites", "post"],
      ["/api/v1/invites/{id}", "delete"],
      ["/api/v1/invites/lookup", "post"],
      ["/api/v1/invites/accept", "post"],
      ["/api/v1/profile", "get"],
      ["/api/v1/profile", "patch"],
      ["/api/v1/profile/password", "post"],
    ]) {
      expect(r.json.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
    expect(r.json.components.schemas.User.required).toEqual(expect.arrayContaining(["id", "email", "role", "status", "evaluation", "lastSignInAt"]));
    expect(r.json.components.schemas.AcceptInviteRequest.required).toEqual(expect.arrayContaining(["token", "name", "password"]));
  });
});
