// Deletes a hook; its deliveries and attempts go with it (foreign keys cascade).
import "server-only";
import { eq } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { auditView, toHookDto } from "./dto";
import { loadEditableHook } from "./load-hook";

export async function deleteHook({ db, uuid, ctx }: { db: Db; uuid: string; ctx: AuditCtx }): Promise<HookDto> {
  const existing = await db.transaction(async (tx) => {
    const existing = await loadEditableHook(tx, uuid);
    await tx.delete(hooks).where(eq(hooks.uuid, uuid));
    await audit(tx, ctx, { action: "hook.deleted", target: { type: "hook", id: uuid }, details: { before: auditView(existing) } });
    return existing;
  });
  return toHookDto(existing);
}
