// Server-side data for the Developer tools page (pages may not import the database themselves).
import "server-only";
import { getDb } from "../db";
import { listKeys } from "./list-keys";

export async function listKeysForDashboard() {
  const { db } = await getDb();
  return listKeys({ db });
}
