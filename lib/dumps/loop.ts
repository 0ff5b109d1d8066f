// Housekeeping of dumps: a dump whose process died while writing it is failed (and its partial file
// removed) once its heartbeat is older than DUMP_STALE_MS, so a new dump can start.
import type { Loop } from "../loop";
import { periodicLoop } from "../loop";
import { DUMP_STALE_MS, reapDumps } from "./create";

export function dumpReaperLoop(intervalMs = DUMP_STALE_MS / 2): Loop {
  return periodicLoop("dump-reaper", intervalMs, reapDumps);
}
