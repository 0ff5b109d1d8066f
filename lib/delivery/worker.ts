// The delivery loop: one runner per active hook (so a slow receiver never holds up the others), each
// sending while there is something due. Wakes at once on NOTIFY indexhook_events (any process, after
// the commit) and polls every 500 ms for retries that came due and hooks another process freed.
import { isNull, not } from "drizzle-orm";
import type { DbHandle } from "../db";
import { deliveries } from "../db/schema/hooks";
import type { WorkerLoop } from "../worker";
import { activeHookIds, claimNext } from "./claim";
import { EVENTS_CHANNEL } from "./event-log";
import { deliverySignals } from "./signals";
import { sendLeased } from "./send";

const POLL_MS = 500;

export function deliveryWorker(): WorkerLoop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let woken = false;
  const onWake = () => ((woken = true), wake?.());
  const busy = new Map<string, Promise<void>>();
  let unlisten: (() => Promise<void>) | undefined;

  // Keeps sending while a claim says more is waiting; events that arrive meanwhile come back through
  // the NOTIFY (`again` below), so an idle hook costs no extra claim after each send.
  async function runHook(h: DbHandle, uuid: string) {
    while (!stopped) {
      const claimed = await claimNext(h, uuid);
      if (!claimed) return;
      const { delivery } = await sendLeased(h, claimed);
      if (!claimed.more || delivery?.status !== "succeeded") return;
    }
  }

  // A wake-up for a hook whose runner is busy is remembered, so the runner makes one more pass
  // instead of the event waiting for the next poll.
  const again = new Set<string>();
  function spawn(h: DbHandle, uuid: string) {
    if (busy.has(uuid)) return void again.add(uuid);
    const run = async () => {
      do {
        again.delete(uuid);
        await runHook(h, uuid);
      } while (again.has(uuid) && !stopped);
    };
    const p = run()
      .catch((err) => console.error(`[indexhook] delivery of hook ${uuid} failed:`, err))
      .finally(() => busy.delete(uuid));
    busy.set(uuid, p);
  }

  async function loop(h: DbHandle) {
    while (!stopped) {
      woken = false;
      try {
        for (const uuid of await activeHookIds(h)) spawn(h, uuid);
      } catch (err) {
        console.error("[indexhook] delivery worker error", err);
      }
      if (woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        wake = () => (clearTimeout(t), resolve());
      });
      wake = undefined;
    }
  }

  return {
    name: "delivery",
    async start(h) {
      // PGlite is a single process: every lease still held was held by a process that is gone.
      if (h.kind === "pglite") await h.db.update(deliveries).set({ lockedUntil: null }).where(not(isNull(deliveries.lockedUntil)));
      deliverySignals.on("wake", onWake);
      unlisten = await h.listen(EVENTS_CHANNEL, onWake);
      running = loop(h);
    },
    async stop() {
      stopped = true;
      deliverySignals.off("wake", onWake);
      await unlisten?.().catch(() => {});
      wake?.();
      await running;
      await Promise.allSettled(busy.values());
    },
  };
}
