// The worker process's own GET /metrics (`npm run worker` with METRICS_PORT): a bare node:http server,
// guarded like the web route (metricsContract: the master key, or an API key with the "metrics" or
// "admin" action scoped to every index), answering 401/403/404 in the error envelope. No "server-only": worker.ts loads it.
// An inbound server (nothing is requested from it), so the outbound-client rule does not apply here.
// eslint-disable-next-line no-restricted-syntax
import { createServer, type Server } from "node:http";
import { createHash, timingSafeEqual } from "node:crypto";
import type { DbHandle } from "../db";
import { env } from "../env";
import { AppError, codeToStatus, forbidden, notFound, unauthorized } from "../errors";
import { eq } from "drizzle-orm";
import { apiKeys } from "../db/schema/api-keys";
import { hashKey, isWellFormed } from "../keys/format";
import { keyStatus } from "../keys/status";
import { keyAllows } from "../auth/principal";
import type { Action } from "../contracts/define";
import { METRICS_CONTENT_TYPE, scrapeMetrics } from "../metrics";

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

async function authorise(h: DbHandle, header: string | undefined): Promise<void> {
  const token = header ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1]?.trim() : undefined;
  if (!token) throw unauthorized("Send the master key or an API key with the metrics action: Authorization: Bearer <key>.");
  const master = env().INDEXHOOK_MASTER_KEY;
  if (master && sameSecret(token, master)) return;
  // verifyKey's checks without its cache and last-used writes (server-only modules the worker cannot load).
  const [row] = isWellFormed(token) ? await h.db.select().from(apiKeys).where(eq(apiKeys.hash, hashKey(token))) : [];
  if (!row || keyStatus(row) !== "active") throw unauthorized("The API key is missing, invalid, revoked or expired.");
  if (!keyAllows(row.actions as Action[], ["metrics", "admin"])) throw forbidden("This API key lacks the action this endpoint needs (metrics or admin).");
  if (!row.indexes.includes("*")) throw forbidden('This endpoint acts on the whole instance: it needs a key scoped to all indexes ("*"), not to a list.');
}

/** Starts the worker's metrics server; resolves once it listens. */
export function serveWorkerMetrics(h: DbHandle, port: number, host = env().METRICS_HOST): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const path = (req.url ?? "/").split("?")[0];
        if (req.method !== "GET" || path !== "/metrics") throw notFound(`No route ${req.method} ${path}: the worker serves only GET /metrics.`);
        await authorise(h, req.headers.authorization);
        const text = await scrapeMetrics(h);
        res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" }).end(text);
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError("internal_error", "The metrics could not be read.");
        if (!(err instanceof AppError)) console.error("[indexhook] metrics scrape failed", err);
        res.writeHead(codeToStatus(e.code), { "content-type": "application/json" }).end(JSON.stringify({ error: { code: e.code, message: e.message } }));
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
