// Pages check the role themselves (the layout only checks that someone is signed in).
import "server-only";
import { getSessionUser, type SessionUser } from "./session";
import { roleAtLeast, type Role } from "./roles";

/** The signed-in user when they have at least `min`, else null (the page renders <NeedsRole>). */
export async function pageUser(min: Role): Promise<SessionUser | null> {
  const user = await getSessionUser();
  return user && roleAtLeast(user.role, min) ? user : null;
}
