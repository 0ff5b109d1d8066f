// A signed-in user of a given role, made through the real API: the master key invites, the invitee
// accepts (sets a password), then signs in through next-auth. For role-matrix and other API tests.
import { randomBytes } from "node:crypto";
import type { Role } from "../auth/roles";
import { api, signInCookie, type TestServer } from "./server";

export type TestRole = Role;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** The session cookie header, ready for `{ cookie }` headers. */
  cookie: string;
}

export async function userWithRole(
  server: TestServer,
  role: TestRole,
  opts: { email?: string; password?: string; name?: string } = {},
): Promise<TestUser> {
  const email = opts.email ?? `${role}-${randomBytes(5).toString("hex")}@example.com`;
  const password = opts.password ?? `pw-${randomBytes(8).toString("hex")}`;
  const name = opts.name ?? `Test ${role}`;
  const invite = await api(server)("POST", "/api/v1/invites", { email, role });
  if (invite.status !== 201) throw new Error(`invite ${email} as ${role}: ${invite.status} ${invite.text}`);
  const accepted = await api(server, null)("POST", "/api/v1/invites/accept", { token: invite.json.token, name, password });
  if (accepted.status !== 201) throw new Error(`accept invite for ${email}: ${accepted.status} ${accepted.text}`);
  const cookie = await signInCookie(server, email, password);
  if (!cookie) throw new Error(`sign-in as ${email} failed`);
  return { id: accepted.json.id, email: accepted.json.email, password, cookie };
}
