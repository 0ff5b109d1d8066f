// Reads of hooks: oldest first (the TASK_WEBHOOK_URL hook, created at boot, leads), never a secret.
import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { deliveries, hooks } from "../db/schema/hooks";
import { notFound } from "../errors";
import { toHookDto } from "./dto";

/** The newest delivery of each of these hooks (one query). */
async function lastDeliveries(db: Db, uuids: string[]): Promise<Map<string, NonNullable<HookDto["lastDelivery"]>>> {
  if (!uuids.length) return new Map();
  const rows = await db
    .selectDistinctOn([deliveries.hookUuid], {
      hookUuid: deliveries.hookUuid,
      id: deliveries.id,
      status: deliveries.status,
      statusCode: deliveries.lastStatusCode,
      at: deliveries.createdAt,
    })
    .from(deliveries)
    .where(inArray(deliveries.hookUuid, uuids))
    .orderBy(deliveries.hookUuid, desc(deliveries.createdAt));
  return new Map(rows.map((r) => [r.hookUuid, { id: r.id, status: r.status, statusCode: r.statusCode, at: r.at.toISOString() }]));
}

export async function listHooks({ db }: { db: Db }): Promise<HookDto[]> {
  const rows = await db.select().from(hooks).orderBy(asc(hooks.createdAt), asc(hooks.uuid));
  const last = await lastDeliveries(db, rows.map((r) => r.uuid));
  return rows.map((r) => ({ ...toHookDto(r), lastDelivery: last.get(r.uuid) ?? null }));
}

export async function getHook({ db, uuid }: { db: Db; uuid: string }): Promise<HookDto> {
  const [row] = await db.select().from(hooks).where(eq(hooks.uuid, uuid));
  if (!row) throw notFound(`No hook ${uuid}.`);
  return { ...toHookDto(row), lastDelivery: (await lastDeliveries(db, [uuid])).get(uuid) ?? null };
}
