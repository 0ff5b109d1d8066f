// Each process keeps the live version of each index loaded (keyed by deployment id), loads it lazily,
// and switches when a deploy announces a new one (LISTEN/NOTIFY; a short re-check as a safety net).
import { eq } from "drizzle-orm";
import type { DbHandle } from "../db";
import { indexes } from "../db/schema";
import type { SearchParams } from "../contracts/search";
import { readArtifact } from "../deploy/artifacts";
import { LIVE_CHANNEL } from "../deploy/signals";
import { ApiError, notFound } from "../http/errors";
import { SearchPool, SearchTimeoutError, type SearchResult } from "./engine";

const RECHECK_MS = 5_000;

type State = {
  pool: SearchPool;
  live: Map<string, { deploymentId: string | null; checkedAt: number }>;
  loading: Map<string, Promise<void>>;
  listening?: Promise<unknown>;
};
const g = globalThis as typeof globalThis & { __indexhookSearch?: State };
const state: State = (g.__indexhookSearch ??= { pool: new SearchPool(), live: new Map(), loading: new Map() });

function load(h: DbHandle, deploymentId: string): Promise<void> {
  if (state.pool.has(deploymentId)) return Promise.resolve();
  let p = state.loading.get(deploymentId);
  if (!p) {
    p = (async () => {
      const artifact = await readArtifact(h.db, deploymentId, "index");
      if (!artifact) throw new Error(`no stored index for deployment ${deploymentId}`);
      await state.pool.load(deploymentId, artifact);
    })().finally(() => state.loading.delete(deploymentId));
    state.loading.set(deploymentId, p);
  }
  return p;
}

/** Switch to a new live version: load it first, then drop the old one, so searches never stall. */
async function switchTo(h: DbHandle, indexId: string, deploymentId: string | null) {
  const before = state.live.get(indexId)?.deploymentId;
  const started = Date.now();
  if (deploymentId) await load(h, deploymentId).catch((err) => console.error("[indexhook] preload failed", err));
  if (deploymentId !== before) console.log(`[indexhook] ${indexId}: serving ${deploymentId} (loaded in ${Date.now() - started} ms)`);
  state.live.set(indexId, { deploymentId, checkedAt: Date.now() });
  if (before && before !== deploymentId) await state.pool.evict(before);
}

function ensureListening(h: DbHandle) {
  state.listening ??= h
    .listen(LIVE_CHANNEL, (payload) => {
      const { indexId, deploymentId } = JSON.parse(payload) as { indexId: string; deploymentId: string };
      if (state.live.has(indexId)) void switchTo(h, indexId, deploymentId);
    })
    .catch((err) => {
      state.listening = undefined;
      console.error("[indexhook] LISTEN failed; relying on re-checks", err);
    });
  return state.listening;
}

async function liveDeployment(h: DbHandle, indexId: string): Promise<string | null> {
  const cached = state.live.get(indexId);
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.deploymentId;
  const [row] = await h.db.select({ live: indexes.liveDeploymentId }).from(indexes).where(eq(indexes.id, indexId));
  if (!row) throw notFound(`No index "${indexId}".`);
  if (cached?.deploymentId !== row.live) await switchTo(h, indexId, row.live);
  else cached.checkedAt = Date.now();
  return row.live;
}

export async function searchLive(h: DbHandle, indexId: string, params: SearchParams): Promise<SearchResult & { deploymentId: string }> {
  await ensureListening(h);
  const deploymentId = await liveDeployment(h, indexId);
  if (!deploymentId) throw new ApiError(404, "not_deployed", `Index "${indexId}" has no live version yet: deploy it first.`);
  await load(h, deploymentId);
  try {
    return { ...(await state.pool.search(deploymentId, params)), deploymentId };
  } catch (err) {
    if (err instanceof SearchTimeoutError) {
      throw new ApiError(503, "search_timeout", "The search took too long and was stopped; narrow the query (more specific terms, filters).");
    }
    // Orama reports bad parameters (unknown property, wrong filter type …) as errors with a code.
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z_]+$/.test(code)) throw new ApiError(400, "invalid_search", (err as Error).message, { oramaCode: code });
    throw err;
  }
}

export async function liveDeploymentId(h: DbHandle, indexId: string): Promise<string | null> {
  await ensureListening(h);
  return liveDeployment(h, indexId);
}
