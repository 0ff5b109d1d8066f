// Exclusive lock on DATA_DIR: PGlite opened by two processes on one directory silently loses rows,
// so the second process must refuse to start, with a message that says why.
import fs from "node:fs";
import path from "node:path";

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
