// Resolves the caller of an API request: bearer master key, bearer API key, or the session cookie.
import "server-only";
import type { AuthRule } from "../contracts/define";
import { getSessionUser } from "../auth/session";
import { roleAtLeast, type Principal } from "../auth/principal";
import { forbidden, unauthorized } from "../errors";
import { authenticateToken, bearerOf } from "./authenticate-key";

export function bearerToken(req: Request): string | null {
  return bearerOf(req.headers.get("authorization"));
}

export async function authenticate(req: Request, rule: AuthRule, queryKey?: string | null): Promise<Principal> {
  const token = bearerToken(req) ?? queryKey ?? null;
  if (token) return authenticateToken(token, rule);
  if (rule.session === false) throw unauthorized("Send an API key: Authorization: Bearer <key>.");
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  if (!roleAtLeast(user.role, rule.session)) throw forbidden(`This needs the ${rule.session} role or higher.`);
  return { type: "user", user };
}
