// Creates a hook. The secret and token are returned here once; afterwards only the reveal actions
// show them (an ed25519 hook's private key never: its answer carries the public key instead). The 20-hook limit is checked under an advisory lock so two creates cannot both pass it.
import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { audit, auditCtx, type AuditCtx } from "../audit/context";
import type { Principal } from "../auth/principal";
import { HOOK_LIMIT, type CreateHookInput, type HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { badRequest } from "../errors";
import { creatorId } from "../keys/grant";
import { checkHookUrl } from "./check-hook-url";
import { auditView, toHookDto } from "./dto";
import { logHead } from "./log-head";
import { newSigningKey } from "../net/signing";
import { newToken } from "./secrets";
import { checkTransformation } from "./transformation";

export interface CreatedHook extends HookDto {
  /** HMAC hooks only: an ed25519 private key is never read back. */
  secret?: string;
  token: string;
}

/**
 * A push hook needs a URL; a poll hook has none (stored as ""): it is read, never sent to. Checked here
 * rather than in the zod schema so the create body stays a plain object others can extend.
 */
export function hookUrlFor(mode: "push" | "poll", url: string | undefined): string {
  if (mode === "push" && !url) throw badRequest("A push hook needs a url.", [{ path: ["url"], message: "required", code: "invalid_type" }]);
  if (mode === "poll" && url) throw badRequest("A poll hook has no url: its events are read with GET /api/v1/hooks/{uuid}/events.", [{ path: ["url"], message: "not allowed for mode \"poll\"", code: "custom" }]);
  return url ?? "";
}

export async function createHook({
  db,
  principal,
  input,
  ctx = auditCtx(principal),
}: {
  db: Db;
  principal: Principal;
  input: CreateHookInput;
  ctx?: AuditCtx;
}): Promise<CreatedHook> {
  const url = hookUrlFor(input.mode, input.url);
  // Resolve outside the transaction: DNS can be slow and must not hold the lock.
  if (input.mode === "push") await checkHookUrl(url);
  await checkTransformation(input.transformation);
  const key = newSigningKey(input.signing);
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('indexhook:hooks:create'))`);
    // The TASK_WEBHOOK_URL hook is not counted: 20 of the API's own, plus that one (as Meilisearch).
    const [{ n }] = await tx.select({ n: count() }).from(hooks).where(eq(hooks.isEditable, true));
    if (n >= HOOK_LIMIT) throw badRequest(`At most ${HOOK_LIMIT} hooks per instance (besides the TASK_WEBHOOK_URL one); delete one first.`, { limit: HOOK_LIMIT }, "hook_limit");
    const [created] = await tx
      .insert(hooks)
      .values({
        uuid: crypto.randomUUID(),
        kind: input.kind,
        mode: input.mode,
        url,
        headers: input.headers,
        signing: input.signing,
        secret: key.secret,
        publicKey: key.publicKey,
        token: input.token ?? newToken(),
        paused: input.paused,
        pausedReason: input.paused ? "manual" : null,
        filters: input.filters,
        rateLimit: input.rateLimit,
        transformation: input.transformation ?? null,
        cursor: await logHead(tx, input.kind),
        createdBy: creatorId(principal),
      })
      .returning();
    await audit(tx, ctx, { action: "hook.created", target: { type: "hook", id: created.uuid }, details: { after: auditView(created) } });
    return created;
  });
  return { ...toHookDto(row), ...(row.signing === "hmac-sha256" ? { secret: row.secret } : {}), token: row.token };
}
