// CPU time of one thread, read from Linux's /proc (utime + stime, in 10 ms clock ticks): the sandbox's
// time limits count what a transformation itself runs, not the time a loaded machine leaves its thread
// waiting for a core (as Cloudflare Workers count CPU time). Without /proc they fall back to the wall clock.
import { readFileSync, readlinkSync } from "node:fs";

const TICK_MS = 10; // USER_HZ: 100 on Linux

/** CPU milliseconds used by this thread, or by thread `tid` of this process; null where /proc cannot say. */
export function threadCpuMs(tid?: number | null): number | null {
  try {
    const stat = readFileSync(tid ? `/proc/self/task/${tid}/stat` : "/proc/thread-self/stat", "utf8");
    // After the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : null;
  } catch {
    return null;
  }
}

/** This thread's id, for another thread of the process to read its CPU time; null where /proc cannot say. */
export function threadId(): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) ? tid : null;
  } catch {
    return null;
  }
}

/** How much longer than its CPU budget a call may take on the wall clock, however loaded the machine. */
export const WALL_CEILING_FACTOR = 10;

/**
 * A budget of `budgetMs` of CPU time for this thread (or thread `tid`), from now: the returned check
 * says whether it is spent. A thread cannot use more CPU than wall time, so /proc is read only once
 * the wall clock has passed the budget (at most every 2 ms); where /proc cannot say, the wall clock decides.
 * Past WALL_CEILING_FACTOR times the budget on the wall clock it is spent anyway: a runaway on a starved
 * thread is still stopped within about a second (and does not hold the pool for long).
 */
export function cpuBudget(budgetMs: number, tid?: number | null): () => boolean {
  const wallStart = performance.now();
  const cpuStart = threadCpuMs(tid);
  let nextRead = 0;
  let spent = false;
  return () => {
    if (spent) return true;
    const now = performance.now();
    if (now - wallStart <= budgetMs) return false;
    if (cpuStart === null || now - wallStart > budgetMs * WALL_CEILING_FACTOR) return (spent = true);
    if (now < nextRead) return false;
    nextRead = now + 2;
    const cpu = threadCpuMs(tid);
    return (spent = cpu === null || cpu - cpuStart > budgetMs);
  };
}
