// GET /metrics: this web process's Prometheus metrics (lib/metrics.ts). Outside /api so scrapers find
// it at the conventional path; the worker process serves its own on METRICS_PORT (lib/http/metrics-server.ts).
import { metricsContract } from "@/lib/contracts";
import { reply, route } from "@/lib/http/route";
import { scrapeMetrics, startProcessMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export const GET = route(metricsContract, async ({ db }) => {
  startProcessMetrics("web");
  return reply(await scrapeMetrics(db));
});
