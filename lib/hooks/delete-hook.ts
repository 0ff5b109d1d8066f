// Deletes a hook; its deliveries and attempts go with it (foreign keys cascade).
import { eq } from "drizzle-orm";
import type { HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { toHookDto } from "./dto";
import { loadEditableHook } from "./load-hook";

export async function deleteHook({ db, uuid }: { db: Db; uuid: string }): Promise<HookDto> {
  const existing = await loadEditableHook(db, uuid);
  await db.delete(hooks).where(eq(hooks.uuid, uuid));
  return toHookDto(existing);
}
