// Writers of the event logs (change_events, task_events) call appendingEvents(tx) before inserting:
// the transaction-scoped lock makes ids commit in id order, so a hook's cursor (last id delivered)
// can never skip a row that a slower transaction commits later; the NOTIFY wakes delivery workers
// in every process once the transaction commits.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";

export const EVENTS_CHANNEL = "indexhook_events";
const EVENT_LOG_LOCK = 7_316_542_101;

export async function appendingEvents(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_LOG_LOCK}), pg_notify(${EVENTS_CHANNEL}, '')`);
}
