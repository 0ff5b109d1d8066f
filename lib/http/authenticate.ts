// Resolves the caller of an API request: bearer master key, bearer API key, or the session cookie.
import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import type { AuthRule } from "../contracts/define";
import { env } from "../env";
import { getSessionUser } from "../auth/session";
import { keyAllows, roleAtLeast, type Principal } from "../auth/principal";
import { forbidden, unauthorized } from "../errors";
import { resolveApiKey } from "./api-key-resolver";

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m ? m[1].trim() : null;
  }
  return null;
}

export async function authenticate(req: Request, rule: AuthRule, queryKey?: string | null): Promise<Principal> {
  const token = bearerToken(req) ?? queryKey ?? null;
  if (token) {
    const master = env().INDEXHOOK_MASTER_KEY;
    if (master && sameSecret(token, master)) return { type: "master" };
    const key = await resolveApiKey(token);
    if (!key) throw unauthorized("The API key is missing, invalid, revoked or expired.");
    if (rule.key === false || !keyAllows(key.actions, rule.key)) {
      throw forbidden(
        rule.key === false
          ? "This endpoint needs a signed-in user or the master key, not an API key."
          : `This API key lacks the action this endpoint needs (${rule.key.join(" or ")}).`,
      );
    }
    if (rule.wholeInstance && !key.indexes.includes("*")) {
      throw forbidden("This endpoint acts on the whole instance: it needs a key scoped to all indexes (\"*\"), not to a list.");
    }
    return { type: "key", key };
  }
  if (rule.session === false) throw unauthorized("Send an API key: Authorization: Bearer <key>.");
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  if (!roleAtLeast(user.role, rule.session)) throw forbidden(`This needs the ${rule.session} role or higher.`);
  return { type: "user", user };
}
