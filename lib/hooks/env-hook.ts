// The hook configured by TASK_WEBHOOK_URL (+ TASK_WEBHOOK_AUTHORIZATION_HEADER), synced at every start:
// the row with the nil UUID, not editable through the API, deleted when the variable is unset.
import { eq, sql } from "drizzle-orm";
import { NIL_UUID } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { logHead } from "./log-head";
import { newSecret } from "../net/signing";
import { newToken } from "./secrets";

export async function syncEnvHook(db: Db, config: { url?: string; authorization?: string }): Promise<void> {
  if (!config.url) {
    await db.delete(hooks).where(eq(hooks.uuid, NIL_UUID));
    return;
  }
  const headers: Record<string, string> = config.authorization ? { Authorization: config.authorization } : {};
  // No SSRF check here: nothing is sent at boot, and the delivery engine checks at connect time.
  await db
    .insert(hooks)
    .values({
      uuid: NIL_UUID,
      kind: "tasks",
      url: config.url,
      headers,
      secret: newSecret(),
      token: newToken(),
      isEditable: false,
      cursor: await logHead(db, "tasks"),
      createdBy: "env",
    })
    // A restart keeps the secret, token, cursor and pause state; only the configuration follows the env.
    // A pause because the SSRF guard refused the URL is lifted: the URL or ALLOWED_IP_NETWORKS may have
    // changed (nobody can resume this hook through the API), and a URL still refused is paused again.
    .onConflictDoUpdate({
      target: hooks.uuid,
      set: {
        kind: "tasks",
        url: config.url,
        headers,
        isEditable: false,
        updatedAt: new Date(),
        paused: sql`case when ${hooks.pausedReason} like 'refused: %' then false else ${hooks.paused} end`,
        pausedReason: sql`case when ${hooks.pausedReason} like 'refused: %' then null else ${hooks.pausedReason} end`,
      },
    });
}
