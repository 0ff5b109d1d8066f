// A loop: one long-running background job of a domain (deploys, deliveries, housekeeping). Domains
// export loop factories; the process that runs them (lib/worker, "the worker") lists and starts them.
import type { DbHandle } from "./db";

export interface Loop {
  name: string;
  start(db: DbHandle): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** A loop that runs one housekeeping step at start and then every `intervalMs`; a failing step is logged and tried again next time. */
export function periodicLoop(name: string, intervalMs: number, step: (handle: DbHandle) => Promise<string | void>): Loop {
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
