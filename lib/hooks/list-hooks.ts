// Reads of hooks: oldest first (the TASK_WEBHOOK_URL hook, created at boot, leads), never a secret.
import { asc, eq } from "drizzle-orm";
import type { HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks } from "../db/schema/hooks";
import { notFound } from "../http/errors";
import { toHookDto } from "./dto";

export async function listHooks({ db }: { db: Db }): Promise<HookDto[]> {
  const rows = await db.select().from(hooks).orderBy(asc(hooks.createdAt), asc(hooks.uuid));
  return rows.map(toHookDto);
}

export async function getHook({ db, uuid }: { db: Db; uuid: string }): Promise<HookDto> {
  const [row] = await db.select().from(hooks).where(eq(hooks.uuid, uuid));
  if (!row) throw notFound(`No hook ${uuid}.`);
  return toHookDto(row);
}
