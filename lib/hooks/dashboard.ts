// Server-side data for the Webhooks pages (pages may not import the database themselves).
import "server-only";
import { getDb } from "../db";
import { getHook, listHooks } from "./list-hooks";

export async function listHooksForDashboard() {
  const { db } = await getDb();
  return listHooks({ db });
}

/** The hook, or null when there is none (the page answers 404). */
export async function getHookForDashboard(uuid: string) {
  const { db } = await getDb();
  return getHook({ db, uuid }).catch(() => null);
}
