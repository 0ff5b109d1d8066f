// Instance state for pages (they may not touch the database directly).
import "server-only";
import { getDb } from "../db";
import { needsSetup } from "./accounts";

export async function instanceNeedsSetup(): Promise<boolean> {
  const { db } = await getDb();
  return needsSetup(db);
}
