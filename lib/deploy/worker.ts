// The deploy worker loop: claim → run → (fail and release). Wakes at once on a local deploy request
// and polls otherwise (other processes' requests); recovers deploys of dead workers.
import { env } from "../env";
import type { DbHandle } from "../db";
import type { WorkerLoop } from "../worker";
import { claimNext } from "./claim";
import { recoverStaleDeploys, releaseDeploy } from "./recover";
import { runDeploy } from "./run-deploy";
import { signals } from "./signals";

const POLL_MS = 500;
const RECOVER_EVERY_MS = 5_000;

export function deployWorker(): WorkerLoop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const onWake = () => wake?.();

  async function loop(h: DbHandle, firstStaleMs: number) {
    let lastRecover = 0;
    let staleMs = firstStaleMs;
    while (!stopped) {
      try {
        if (Date.now() - lastRecover > RECOVER_EVERY_MS) {
          lastRecover = Date.now();
          await recoverStaleDeploys(h, staleMs);
          staleMs = env().DEPLOY_STALE_MS;
        }
        const claim = await claimNext(h.db);
        if (claim) {
          try {
            await runDeploy(h, claim);
          } catch (err) {
            console.error(`[indexhook] deploy task ${claim.task.uid} of ${claim.task.indexUid} failed:`, err);
            await releaseDeploy(h, claim.task.uid, (err as Error).message || String(err), false);
          }
          continue;
        }
      } catch (err) {
        console.error("[indexhook] deploy worker error", err);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        wake = () => (clearTimeout(t), resolve());
      });
    }
  }

  return {
    name: "deploy",
    start(h) {
      signals.on("wake", onWake);
      // On PGlite this is the only process: whatever is still "processing" was left by a dead one.
      running = loop(h, h.kind === "pglite" ? 0 : env().DEPLOY_STALE_MS);
    },
    async stop() {
      stopped = true;
      signals.off("wake", onWake);
      wake?.();
      await running;
    },
  };
}
