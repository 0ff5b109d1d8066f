// Creates a hook. The secret and token are returned here once; afterwards only the reveal actions
// show them. The 20-hook limit is checked under an advisory lock so two creates cannot both pass it.
import "server-only";
import { count, sql } from "drizzle-orm";
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
import { newSecret } from "../net/signing";
import { newToken } from "./secrets";
import { checkTransformation } from "./transformation";

export interface CreatedHook extends HookDto {
  secret: string;
  token: string;
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
  // Resolve outside the transaction: DNS can be slow and must not hold the lock.
  await checkHookUrl(input.url);
  await checkTransformation(input.transformation);
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('indexhook:hooks:create'))`);
    const [{ n }] = await tx.select({ n: count() }).from(hooks);
    if (n >= HOOK_LIMIT) throw badRequest(`At most ${HOOK_LIMIT} hooks per instance; delete one first.`, { limit: HOOK_LIMIT }, "hook_limit");
    const [created] = await tx
      .insert(hooks)
      .values({
        uuid: crypto.randomUUID(),
        kind: input.kind,
        url: input.url,
        headers: input.headers,
        secret: newSecret(),
        token: input.token ?? newToken(),
        paused: input.paused,
        pausedReason: input.paused ? "manual" : null,
        filters: input.filters,
        transformation: input.transformation ?? null,
        cursor: await logHead(tx, input.kind),
        createdBy: creatorId(principal),
      })
      .returning();
    await audit(tx, ctx, { action: "hook.created", target: { type: "hook", id: created.uuid }, details: { after: auditView(created) } });
    return created;
  });
  return { ...toHookDto(row), secret: row.secret, token: row.token };
}
