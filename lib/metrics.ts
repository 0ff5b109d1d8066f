// Prometheus metrics of this process (prom-client): one registry per process, shared through globalThis
// (Next's instrumentation hook and each route get their own module instances). Domains call the small
// record functions below (a counter inc or a histogram observe: cheap enough for the search path);
// gauges that need a database read (task queue depth, delivery backlog) are read when scraped, with a
// short timeout. No "server-only": worker.ts loads this too (it serves its own /metrics, METRICS_PORT).
import client from "prom-client";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./db/client";

/** Exposition format 0.0.4 (what prom-client writes). */
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
/** How long a scrape waits for the database-backed gauges before answering without fresh values. */
const SCRAPE_DB_TIMEOUT_MS = 1_000;

const SEARCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const DELIVERY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const DEPLOY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

function create(registry: client.Registry) {
  const r = [registry];
  return {
    searchRequests: new client.Counter({ name: "indexhook_search_requests_total", help: "Searches by index and outcome (ok, error)", labelNames: ["index", "outcome"], registers: r }),
    searchDuration: new client.Histogram({ name: "indexhook_search_duration_seconds", help: "Search latency in this process, by index", labelNames: ["index"], buckets: SEARCH_BUCKETS, registers: r }),
    ingestRequests: new client.Counter({ name: "indexhook_ingest_requests_total", help: "Accepted ingest requests by index and kind (notify, snapshot)", labelNames: ["index", "kind"], registers: r }),
    ingestDocuments: new client.Counter({ name: "indexhook_ingest_documents_total", help: "Documents (notify: changes) received by index and kind", labelNames: ["index", "kind"], registers: r }),
    ingestBytes: new client.Counter({ name: "indexhook_ingest_bytes_total", help: "Request body bytes received by ingest requests (Content-Length), by index and kind", labelNames: ["index", "kind"], registers: r }),
    deploys: new client.Counter({ name: "indexhook_deploys_total", help: "Deploys run by this process, by index and outcome (succeeded, failed, handed_back)", labelNames: ["index", "outcome"], registers: r }),
    deployDuration: new client.Histogram({ name: "indexhook_deploy_duration_seconds", help: "Deploy duration by index and outcome", labelNames: ["index", "outcome"], buckets: DEPLOY_BUCKETS, registers: r }),
    deployDocuments: new client.Gauge({ name: "indexhook_deploy_documents", help: "Documents in the version the last successful deploy of the index built", labelNames: ["index"], registers: r }),
    deliveryAttempts: new client.Counter({ name: "indexhook_delivery_attempts_total", help: "Outbound hook delivery attempts by hook and outcome (success, failure, cancelled)", labelNames: ["hook", "outcome"], registers: r }),
    deliveryDuration: new client.Histogram({ name: "indexhook_delivery_duration_seconds", help: "Outbound delivery latency (request sent to answer read), by hook", labelNames: ["hook"], buckets: DELIVERY_BUCKETS, registers: r }),
    autoPauses: new client.Counter({ name: "indexhook_hook_auto_pauses_total", help: "Hooks the delivery engine paused (failing too long, 410 Gone, a refused URL), by hook", labelNames: ["hook"], registers: r }),
    keyCache: new client.Counter({ name: "indexhook_key_cache_lookups_total", help: "API key lookups by result (hit: served from this process's cache; miss: read from the database)", labelNames: ["result"], registers: r }),
    backlog: new client.Gauge({ name: "indexhook_delivery_backlog", help: "Deliveries waiting to be sent (pending or failed and due for a retry), by hook; read when scraped", labelNames: ["hook"], registers: r }),
    queueDepth: new client.Gauge({ name: "indexhook_task_queue_depth", help: "Tasks not finished, by status (enqueued, processing); read when scraped", labelNames: ["status"], registers: r }),
    scrapeDbErrors: new client.Counter({ name: "indexhook_metrics_db_read_failures_total", help: "Scrapes whose database-backed gauges could not be read in time (their values are the previous ones)", registers: r }),
  };
}

type State = { registry: client.Registry; m: ReturnType<typeof create>; process?: string };
const g = globalThis as typeof globalThis & { __indexhookMetrics?: State };

function state(): State {
  if (!g.__indexhookMetrics) {
    const registry = new client.Registry();
    g.__indexhookMetrics = { registry, m: create(registry) };
  }
  return g.__indexhookMetrics;
}
const m = () => state().m;

/**
 * Once per process, at start: names the process (label `process`: web, worker) and adds prom-client's
 * default metrics (event-loop lag, memory, CPU, GC, handles). Idempotent.
 */
export function startProcessMetrics(processName: "web" | "worker"): void {
  const s = state();
  if (s.process) return;
  s.process = processName;
  s.registry.setDefaultLabels({ process: processName });
  client.collectDefaultMetrics({ register: s.registry, eventLoopMonitoringPrecision: 20 });
}

// ---- What domains record (each one line at its call site) ----

/** A search that reached an index (existing): whether it answered, and if so in how long (searchLive measures it). */
export function recordSearch(indexId: string, latencyMs: number, ok: boolean): void {
  const mm = m();
  mm.searchRequests.inc({ index: indexId, outcome: ok ? "ok" : "error" });
  if (ok) mm.searchDuration.observe({ index: indexId }, latencyMs / 1000);
}

/** An accepted (not replayed) ingest request. */
export function recordIngest(indexId: string, kind: "notify" | "snapshot", documents: number, bytes: number): void {
  const mm = m();
  mm.ingestRequests.inc({ index: indexId, kind });
  if (documents > 0) mm.ingestDocuments.inc({ index: indexId, kind }, documents);
  if (bytes > 0) mm.ingestBytes.inc({ index: indexId, kind }, bytes);
}

export function recordDeploy(indexId: string, outcome: "succeeded" | "failed" | "handed_back", seconds: number, documents?: number): void {
  const mm = m();
  mm.deploys.inc({ index: indexId, outcome });
  mm.deployDuration.observe({ index: indexId, outcome }, seconds);
  if (documents !== undefined) mm.deployDocuments.set({ index: indexId }, documents);
}

export function recordDeliveryAttempt(hookUuid: string, outcome: "success" | "failure" | "cancelled", latencyMs: number): void {
  const mm = m();
  mm.deliveryAttempts.inc({ hook: hookUuid, outcome });
  if (outcome !== "cancelled") mm.deliveryDuration.observe({ hook: hookUuid }, latencyMs / 1000);
}

export function recordAutoPause(hookUuid: string): void {
  m().autoPauses.inc({ hook: hookUuid });
}

export function recordKeyLookup(hit: boolean): void {
  m().keyCache.inc({ result: hit ? "hit" : "miss" });
}

// ---- Scrape ----

type Row = Record<string, unknown>;

async function readGauges(h: DbHandle): Promise<void> {
  const [queue, backlog] = await Promise.all([
    h.rows<Row>(sql`select status, count(*)::int as n from tasks where status in ('enqueued', 'processing') group by status`),
    h.rows<Row>(sql`select h.uuid as hook, count(d.id)::int as n from hooks h
      left join deliveries d on d.hook_uuid = h.uuid and d.status in ('pending', 'failed')
      group by h.uuid`),
  ]);
  const mm = m();
  mm.queueDepth.reset();
  for (const s of ["enqueued", "processing"]) mm.queueDepth.set({ status: s }, Number(queue.find((r) => r.status === s)?.n ?? 0));
  mm.backlog.reset();
  for (const r of backlog) mm.backlog.set({ hook: String(r.hook) }, Number(r.n));
}

/** The exposition text: fresh database-backed gauges when they come within the timeout. */
export async function scrapeMetrics(h: DbHandle | null): Promise<string> {
  const s = state();
  if (h) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), SCRAPE_DB_TIMEOUT_MS);
    });
    try {
      await Promise.race([readGauges(h), timeout]);
    } catch {
      s.m.scrapeDbErrors.inc();
    } finally {
      clearTimeout(timer);
    }
  }
  return s.registry.metrics();
}
