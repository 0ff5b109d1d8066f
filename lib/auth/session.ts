// The signed-in user behind the request's session cookie, re-read from the database each time.
import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "../db";
import { getUser } from "../users/accounts";
import { authOptions } from "./options";

export async function getSessionUser() {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const { db } = await getDb();
  const user = await getUser(db, session.uid);
  if (!user || user.status !== "active" || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
