// Reads of hooks: oldest first (the TASK_WEBHOOK_URL hook, created at boot, leads), never a secret.
import "server-only";
import { and, asc, count, desc, eq, gt, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { HookDto } from "../contracts/hooks";
import type { Db } from "../db";
import { changeEvents } from "../db/schema/deployments";
import { deliveries, hooks, operationalEvents, taskEvents, type Hook } from "../db/schema/hooks";
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

/** Counting stops here: past it the dashboard says "10,000+" and the query stays cheap on a long log. */
export const BACKLOG_COUNT_CAP = 10_000;

/** Events after the hook's cursor that its index and operation filters keep (properties are not checked). */
async function eventsWaiting(db: Db, hook: Hook): Promise<number> {
  const { indexes, operations } = hook.filters;
  let from;
  if (hook.kind === "operational") from = db.select({ one: sql`1` }).from(operationalEvents).where(and(gt(operationalEvents.id, hook.cursor), ne(operationalEvents.hookUuid, hook.uuid)));
  else if (hook.kind === "tasks") {
    const where: SQL[] = [gt(taskEvents.id, hook.cursor)];
    if (indexes !== "all") where.push(indexes.length ? inArray(taskEvents.indexId, indexes) : sql`false`);
    from = db.select({ one: sql`1` }).from(taskEvents).where(and(...where));
  } else {
    const where: SQL[] = [gt(changeEvents.id, hook.cursor)];
    if (indexes !== "all") where.push(indexes.length ? inArray(changeEvents.indexId, indexes) : sql`false`);
    if (operations !== "all") where.push(operations.length ? inArray(changeEvents.type, operations) : sql`false`);
    from = db.select({ one: sql`1` }).from(changeEvents).where(and(...where));
  }
  const capped = from.limit(BACKLOG_COUNT_CAP).as("waiting");
  const [row] = await db.select({ n: count() }).from(capped);
  return Number(row?.n ?? 0);
}

/** What waits to be sent per hook: events after the cursor, and undelivered deliveries (tests aside). */
async function backlogs(db: Db, rows: Hook[]): Promise<Map<string, NonNullable<HookDto["backlog"]>>> {
  if (!rows.length) return new Map();
  const open = await db
    .select({ hookUuid: deliveries.hookUuid, n: count() })
    .from(deliveries)
    .where(and(inArray(deliveries.hookUuid, rows.map((r) => r.uuid)), inArray(deliveries.status, ["pending", "failed"]), ne(deliveries.event, "test")))
    .groupBy(deliveries.hookUuid);
  const openBy = new Map(open.map((r) => [r.hookUuid, Number(r.n)]));
  const events = await Promise.all(rows.map((r) => eventsWaiting(db, r)));
  return new Map(rows.map((r, i) => [r.uuid, { events: events[i], deliveries: openBy.get(r.uuid) ?? 0 }]));
}

export async function listHooks({ db }: { db: Db }): Promise<HookDto[]> {
  const rows = await db.select().from(hooks).orderBy(asc(hooks.createdAt), asc(hooks.uuid));
  const [last, waiting] = await Promise.all([lastDeliveries(db, rows.map((r) => r.uuid)), backlogs(db, rows)]);
  return rows.map((r) => ({ ...toHookDto(r), lastDelivery: last.get(r.uuid) ?? null, backlog: waiting.get(r.uuid) }));
}

export async function getHook({ db, uuid }: { db: Db; uuid: string }): Promise<HookDto> {
  const [row] = await db.select().from(hooks).where(eq(hooks.uuid, uuid));
  if (!row) throw notFound(`No hook ${uuid}.`);
  const [last, waiting] = await Promise.all([lastDeliveries(db, [uuid]), backlogs(db, [row])]);
  return { ...toHookDto(row), lastDelivery: last.get(uuid) ?? null, backlog: waiting.get(uuid) };
}
