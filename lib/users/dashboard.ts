// Server-side data for the Users and Profile pages (pages may not import the database themselves).
import "server-only";
import type { Role } from "../auth/roles";
import { getDb } from "../db";
import { listInvites } from "./invites";
import { listUsers } from "./manage";
import { getProfile } from "./profile";

export async function usersForDashboard() {
  const { db } = await getDb();
  const [users, invites] = await Promise.all([listUsers({ db }), listInvites({ db })]);
  return { users, invites };
}

export async function profileForDashboard(user: { id: string; email: string; name: string; role: Role }) {
  const { db } = await getDb();
  return getProfile({ db, principal: { type: "user", user } });
}
