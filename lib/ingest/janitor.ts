// Removes uploads abandoned mid-stream (client gone, process killed): a `receiving` task whose
// heartbeat stopped is deleted with its rows, so nothing half-received is ever queued.
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../db";
import { tasks } from "../db/schema";
import { periodicLoop, type Loop } from "../loop";

export const ABANDONED_AFTER_MS = 2 * 60_000;

export async function deleteAbandonedUploads(db: Db, olderThanMs = ABANDONED_AFTER_MS): Promise<number> {
  const gone = await db
    .delete(tasks)
    .where(and(eq(tasks.status, "receiving"), lt(tasks.heartbeatAt, new Date(Date.now() - olderThanMs))))
    .returning({ uid: tasks.uid });
  return gone.length;
}

export function uploadJanitorLoop(intervalMs = 30_000): Loop {
  return periodicLoop("upload-janitor", intervalMs, async (handle) => {
    const n = await deleteAbandonedUploads(handle.db);
    return n ? `removed ${n} abandoned upload(s)` : undefined;
  });
}
