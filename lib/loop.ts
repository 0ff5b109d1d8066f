// A loop: one long-running background job of a domain (deploys, deliveries, housekeeping). Domains
// export loop factories; the process that runs them (lib/worker, "the worker") lists and starts them.
import type { DbHandle } from "./db";

export interface Loop {
  name: string;
  start(db: DbHandle): Promise<void> | void;
  stop(): Promise<void> | void;
}

/**
 * The wake-up of a polling loop: `nap(ms)` sleeps until the next poll or until `wake()`; `woken` says a
 * wake-up came since the loop last cleared it (then the loop goes round again without a nap).
 */
export class Alarm {
  woken = false;
  private ring: (() => void) | undefined;
  wake = (): void => {
    this.woken = true;
    this.ring?.();
  };
  nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.ring = undefined;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.ring = done;
    });
  }
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
