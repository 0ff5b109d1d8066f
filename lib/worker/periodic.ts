// A worker loop that runs one housekeeping step at start and then every `intervalMs`; a failing step
// is logged and tried again next time.
import type { WorkerLoop } from ".";
import type { DbHandle } from "../db";

export function periodicLoop(name: string, intervalMs: number, step: (handle: DbHandle) => Promise<string | void>): WorkerLoop {
  let timer: NodeJS.Timeout | undefined;
  return {
    name,
    start(handle) {
      const tick = () =>
        step(handle)
          .then((said) => said && console.log(`[indexhook] ${said}`))
          .catch((err) => console.error(`[indexhook] ${name} failed`, err));
      timer = setInterval(tick, intervalMs);
      timer.unref();
      void tick();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
