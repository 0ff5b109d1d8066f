// Loading a hook for a write: 404 when absent, 400 not_editable for the TASK_WEBHOOK_URL hook, whose
// configuration belongs to the environment (a change here would be lost at the next start).
import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { hooks, type Hook } from "../db/schema/hooks";
import { badRequest, notFound } from "../errors";

export async function loadHook(db: DbOrTx, uuid: string): Promise<Hook> {
  const [row] = await db.select().from(hooks).where(eq(hooks.uuid, uuid));
  if (!row) throw notFound(`No hook ${uuid}.`);
  return row;
}

export async function loadEditableHook(db: DbOrTx, uuid: string): Promise<Hook> {
  const row = await loadHook(db, uuid);
  if (!row.isEditable) {
    throw badRequest("This hook is configured by TASK_WEBHOOK_URL; change the environment instead.", undefined, "not_editable");
  }
  return row;
}
