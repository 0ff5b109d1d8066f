// The deploy loop: keeps up to DEPLOY_CONCURRENCY deploys running side by side, each of a
// different index, each in its own lane with its own time limit (lane.ts), so a slow deploy of one
// index never holds up another's. Wakes at once on a local deploy request or a lane coming free,
// polls otherwise (other processes' requests); recovers deploys of dead workers.
import { env } from "../env";
import { Alarm, type Loop } from "../loop";
import type { DbHandle } from "../db";
import { claimNextDeploy } from "./claim";
import { runLane } from "./lane";
import { recoverStaleDeploys } from "./recover";
import { deploySignals } from "../db/channels";

const POLL_MS = 500;
const RECOVER_EVERY_MS = 5_000;

export function deployLoop(): Loop {
  let stopped = false;
  let running: Promise<void> | undefined;
  const alarm = new Alarm();
  const onWake = alarm.wake;
  let stopping = new AbortController();
  /** Running lanes, by deploy task uid. */
  const lanes = new Map<number, Promise<void>>();

  async function loop(h: DbHandle, firstStaleMs: number) {
    let lastRecover = 0;
    let staleMs = firstStaleMs;
    while (!stopped) {
      alarm.woken = false;
      try {
        if (Date.now() - lastRecover > RECOVER_EVERY_MS) {
          lastRecover = Date.now();
          await recoverStaleDeploys(h, staleMs, [...lanes.keys()]);
          staleMs = env().DEPLOY_STALE_MS;
        }
        // Claims are taken one at a time, and claimNextDeploy skips indexes with a deploy running (in any
        // process), so each lane holds a different index.
        while (!stopped && lanes.size < env().DEPLOY_CONCURRENCY) {
          const claim = await claimNextDeploy(h.db);
          if (!claim) break;
          const uid = claim.task.uid;
          lanes.set(uid, runLane(h, claim, stopping.signal).finally(() => (lanes.delete(uid), onWake())));
        }
      } catch (err) {
        console.error("[indexhook] deploy worker error", err);
      }
      if (alarm.woken || stopped) continue;
      await alarm.nap(POLL_MS);
    }
    await Promise.all(lanes.values());
  }

  return {
    name: "deploy",
    start(h) {
      stopped = false;
      stopping = new AbortController();
      deploySignals.on("wake", onWake);
      // On PGlite this is the only process: whatever is still "processing" was left by a dead one.
      running = loop(h, h.kind === "pglite" ? 0 : env().DEPLOY_STALE_MS);
    },
    async stop() {
      stopped = true;
      deploySignals.off("wake", onWake);
      // Running deploys are handed back to the queue (another worker, or this one's next start, retries them).
      stopping.abort();
      alarm.wake();
      await running;
    },
  };
}
