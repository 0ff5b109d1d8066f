// Where a hook starts reading its event log: the newest event now, so a new hook (or one switched to
// the other kind) reports what happens from here on rather than replaying the whole history.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { changeEvents } from "../db/schema/deployments";
import { operationalEvents, taskEvents, type HookKind } from "../db/schema/hooks";

export async function logHead(db: DbOrTx, kind: HookKind): Promise<number> {
  const table = kind === "changes" ? changeEvents : kind === "tasks" ? taskEvents : operationalEvents;
  const [row] = await db.select({ max: sql<string | null>`max(${table.id})` }).from(table);
  return Number(row?.max ?? 0);
}
