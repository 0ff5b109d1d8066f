// The delivery loop: one runner per active hook (so a slow receiver never holds up the others), each
// sending while there is something due. Wakes at once on NOTIFY indexhook_events (any process, after
// the commit): the hooks already known to be active are claimed right away, without waiting for the
// list query. Every 100 ms it lists the active hooks and starts the ones that just became active
// (resumed, created — by any process); every 500 ms it looks at all of them, for retries that came
// due and hooks another process freed.
import { isNull, not } from "drizzle-orm";
import type { DbHandle } from "../db";
import { deliveries } from "../db/schema/hooks";
import { Alarm, type Loop } from "../loop";
import { activeHookIds, claimNextDelivery } from "./claim";
import { deliverySignals, EVENTS_CHANNEL } from "../db/channels";
import { sendLeased } from "./send";

const POLL_MS = 500;
const SCAN_MS = 100;
/** A runner held back by its hook's rate limit waits this long at most (1 s / rateLimit ≤ 1 s). */
const RATE_WAIT_MAX_MS = 1_500;

export function deliveryLoop(): Loop {
  let stopped = false;
  let running: Promise<void> | undefined;
  const alarm = new Alarm();
  let handle: DbHandle | undefined;
  /** Active hooks as of the last list query. */
  let known = new Set<string>();
  const onWake = () => {
    alarm.woken = true;
    if (handle && !stopped) for (const uuid of known) spawn(handle, uuid);
    alarm.wake();
  };
  const busy = new Map<string, Promise<void>>();
  // Rate-limit waits end early on stop, so stopping never waits out a hook's interval.
  const stopping = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        stopping.signal.removeEventListener("abort", done);
        resolve();
      }
      stopping.signal.addEventListener("abort", done);
    });
  let unlisten: (() => Promise<void>) | undefined;

  // Keeps sending while a claim says more is waiting; events that arrive meanwhile come back through
  // the NOTIFY (`again` below), so an idle hook costs no extra claim after each send.
  async function runHook(h: DbHandle, uuid: string) {
    while (!stopped) {
      const held: { until?: Date } = {};
      const claimed = await claimNextDelivery(h, uuid, held);
      // Held back by its rate limit (at most 1 s): wait here and claim again, rather than for the poll.
      if (!claimed && held.until) {
        const wait = held.until.getTime() - Date.now();
        if (wait > RATE_WAIT_MAX_MS) return;
        await sleep(Math.max(0, wait));
        continue;
      }
      if (!claimed) return;
      // A rate-limited claim names its slot: the request starts then, not when the claim committed.
      const early = (claimed.sendAt?.getTime() ?? 0) - Date.now();
      if (early > 0) await sleep(early);
      const { delivery } = await sendLeased(h, claimed);
      if (!claimed.more || (delivery?.status !== "succeeded" && delivery?.status !== "cancelled")) return;
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
    let lastFull = -Infinity;
    while (!stopped) {
      // After a wake-up, onWake has already started the known hooks: only new ones need a start.
      const all = !alarm.woken && performance.now() - lastFull >= POLL_MS;
      alarm.woken = false;
      try {
        const ids = await activeHookIds(h);
        if (all) lastFull = performance.now();
        for (const uuid of ids) if (all || !known.has(uuid)) spawn(h, uuid);
        known = new Set(ids);
      } catch (err) {
        console.error("[indexhook] delivery worker error", err);
      }
      if (alarm.woken || stopped) continue;
      await alarm.nap(SCAN_MS);
    }
  }

  return {
    name: "delivery",
    async start(h) {
      // PGlite is a single process: every lease still held was held by a process that is gone.
      if (h.kind === "pglite") await h.db.update(deliveries).set({ lockedUntil: null }).where(not(isNull(deliveries.lockedUntil)));
      handle = h;
      deliverySignals.on("wake", onWake);
      unlisten = await h.listen(EVENTS_CHANNEL, onWake);
      running = loop(h);
    },
    async stop() {
      stopped = true;
      stopping.abort();
      deliverySignals.off("wake", onWake);
      await unlisten?.().catch(() => {});
      alarm.wake();
      await running;
      await Promise.allSettled(busy.values());
    },
  };
}
