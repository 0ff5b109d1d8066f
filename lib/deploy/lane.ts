// One deploy lane: runs a claimed deploy under its time limit (DEPLOY_TIMEOUT_MS). A deploy that
// fails or runs out of time gives its changes back to the queue and fails with the reason; the
// previous version stays live. A deploy cut short by the worker stopping is handed back for a retry.
import type { DbHandle } from "../db";
import { env } from "../env";
import type { Claim } from "./claim";
import { releaseDeploy } from "./recover";
import { runDeploy } from "./run-deploy";
import { recordDeploy } from "../metrics";
import { DeployTimeoutError, timeoutReason } from "./timeout";

class WorkerStoppingError extends Error {}

/** Runs one claimed deploy to its end (succeeded, failed or handed back); never rejects. */
export async function runLane(h: DbHandle, claim: Claim, stopping: AbortSignal): Promise<void> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new DeployTimeoutError(timeoutReason())), env().DEPLOY_TIMEOUT_MS);
  const onStop = () => ac.abort(new WorkerStoppingError("the deploy worker stopped during the deploy"));
  if (stopping.aborted) onStop();
  else stopping.addEventListener("abort", onStop, { once: true });
  const { uid, indexUid } = claim.task;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const documents = await runDeploy(h, claim, ac.signal);
    recordDeploy(indexUid, "succeeded", seconds(), documents);
  } catch (err) {
    // Whatever a step threw once the deploy was stopped, the stop is the reason.
    const cause = (ac.signal.aborted ? ac.signal.reason : err) as Error;
    const handBack = cause instanceof WorkerStoppingError;
    if (!handBack) console.error(`[indexhook] deploy task ${uid} of ${indexUid} failed:`, cause instanceof DeployTimeoutError ? cause.message : cause);
    recordDeploy(indexUid, handBack ? "handed_back" : "failed", seconds());
    const code = cause instanceof DeployTimeoutError ? cause.code : undefined;
    await releaseDeploy(h, uid, cause?.message || String(cause), handBack, code).catch((e) =>
      console.error(`[indexhook] could not release deploy task ${uid} (the stale-deploy recovery will):`, e),
    );
  } finally {
    clearTimeout(timer);
    stopping.removeEventListener("abort", onStop);
  }
}
