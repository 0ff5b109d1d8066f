// Process start-up: validate the environment, open the database (migrations), sync the
// TASK_WEBHOOK_URL hook, start the worker, print the setup code while the instance has no admin.
// A bad configuration stops the process with one line that names the problem.
import { env, EnvError } from "./env";
import { getDb } from "./db";
import { DataDirLockedError } from "./db/lock";
import { startWorker } from "./worker";
import { workerLoops } from "./worker/loops";
import { syncEnvHook } from "./hooks/env-hook";
import { enableCompiledThreads } from "./search/engine/spawn";
import { needsSetup } from "./users/accounts";
import { announceSetupCode } from "./users/setup-code";
import { startProcessMetrics } from "./metrics";

export async function boot({ worker }: { worker: boolean }): Promise<void> {
  // The production server runs the prebuilt worker-thread bundles (.workers/), not TypeScript.
  enableCompiledThreads();
  startProcessMetrics("web");
  try {
    const e = env();
    const db = await getDb();
    await syncEnvHook(db.db, { url: e.TASK_WEBHOOK_URL, authorization: e.TASK_WEBHOOK_AUTHORIZATION_HEADER });
    if (worker && e.WORKER === "inline") await startWorker(db, workerLoops());
    if (await needsSetup(db.db)) await announceSetupCode(db.db);
  } catch (err) {
    if (err instanceof EnvError || err instanceof DataDirLockedError) {
      console.error(`[indexhook] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
