// The locks every domain shares: the exclusive DATA_DIR lock (process level), the per-index advisory
// lock that orders commits and deploys, the users-table lock that guards "the last active admin", and the
// event-log lock that makes event ids commit in order.
//
// Exclusive lock on DATA_DIR: PGlite opened by two processes on one directory silently loses rows,
// so the second process must refuse to start, with a message that says why.
import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { EVENTS_CHANNEL } from "./channels";
import { users } from "./schema/users";

/** A database or transaction (structural, so client.ts can import this module without a cycle). */
type DbOrTx = { execute(query: SQL): PromiseLike<unknown> };

export class DataDirLockedError extends Error {}

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): void {
  const file = path.join(path.resolve(dataDir), "indexhook.lock");
  if (held.has(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      held.add(file);
      process.once("exit", () => releaseDataDirLock(dataDir));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(file, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `DATA_DIR ${path.dirname(file)} is in use by process ${pid}. The embedded database (PGlite) allows ` +
            `one process only: stop that process, use another DATA_DIR, or set DATABASE_URL to run ` +
            `several processes on Postgres.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock from a process that is gone
    }
  }
  throw new DataDirLockedError(`could not lock DATA_DIR ${dataDir}`);
}

export function releaseDataDirLock(dataDir: string): void {
  const file = path.join(path.resolve(dataDir), "indexhook.lock");
  if (!held.delete(file)) return;
  try {
    if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file, { force: true });
  } catch {
    /* already gone */
  }
}

/** Serialises commits per index so commit_seq order is commit order (and a deploy's claim waits). */
export async function lockIndex(tx: DbOrTx, indexId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"indexhook:index:" + indexId}))`);
}

/** Serialises every change that could affect "how many active admins are left" (users and invites). */
export async function lockUsers(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`lock table ${users} in share row exclusive mode`);
}

// Writers of the event logs (change_events, task_events) call appendingEvents(tx) before inserting:
// the transaction-scoped lock makes ids commit in id order, so a hook's cursor (last id delivered)
// can never skip a row that a slower transaction commits later; the NOTIFY wakes delivery loops
// in every process once the transaction commits.
const EVENT_LOG_LOCK = 7_316_542_101;

export async function appendingEvents(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_LOG_LOCK}), pg_notify(${EVENTS_CHANNEL}, '')`);
}
