// The bearer-token half of authentication (master key or API key), without the dashboard session: shared
// by route() (lib/http/authenticate.ts) and the search fast lane (lib/http/fast-lane.ts), which hands
// requests without a token to Next, where the session is read.
import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import type { AuthRule } from "../contracts/define";
import { env } from "../env";
import { keyAllows, type Principal } from "../auth/principal";
import { forbidden, unauthorized } from "../errors";
import { resolveApiKey } from "./api-key-resolver";

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** `Authorization: Bearer <token>`, or null (no header, or another scheme). */
export function bearerOf(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m ? m[1].trim() : null;
}

/** The principal a token stands for under `rule`: 401 for an unknown token, 403 for one that may not. */
export async function authenticateToken(token: string, rule: AuthRule): Promise<Principal> {
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
