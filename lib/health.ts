// Readiness: the database is open (migrations ran) and the worker is running unless WORKER=off.
import "server-only";
import { env } from "./env";
import { getDb } from "./db";
import { workerStatus } from "./worker";

export async function readiness(): Promise<{ ok: boolean; reason?: string }> {
  try {
    await getDb();
  } catch (err) {
    return { ok: false, reason: `database: ${(err as Error).message}` };
  }
  if (env().WORKER === "inline" && workerStatus() !== "running") return { ok: false, reason: "worker is starting" };
  return { ok: true };
}
