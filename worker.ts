// `npm run worker`: the deploy and delivery loops as their own process, for scale-out on Postgres
// (run the web processes with WORKER=off). PGlite is one process only: use the inline worker there.
import { env } from "./lib/env";
import { getDb } from "./lib/db";
import { startWorker, stopWorker } from "./lib/worker";
import { workerLoops } from "./lib/worker/loops";
import { startProcessMetrics } from "./lib/metrics";
import { serveWorkerMetrics } from "./lib/http/metrics-server";

async function main() {
  const e = env();
  if (!e.DATABASE_URL) {
    console.error("[indexhook] npm run worker needs DATABASE_URL: the embedded database (PGlite) allows one process, which already runs the inline worker.");
    process.exit(1);
  }
  const db = await getDb();
  startProcessMetrics("worker");
  await startWorker(db, workerLoops());
  // Its own /metrics (deploys and deliveries run here, not in the web processes) when METRICS_PORT is set.
  const metrics = e.METRICS_PORT ? await serveWorkerMetrics(db, e.METRICS_PORT) : null;
  console.log(`[indexhook] worker running${metrics ? `; metrics on :${e.METRICS_PORT}/metrics` : ""}`);
  const shutdown = async () => {
    metrics?.close();
    await stopWorker();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(`[indexhook] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
