// Each process keeps the live version of each index loaded (keyed by deployment id), loads it lazily,
// and answers every search from the version that is live in the database at the moment the search
// arrived (read-after-deploy, docs/deploys.md): on Postgres each search waits for a live-version check
// that started after it arrived, coalesced with every other search waiting at the time into one query;
// on PGlite (one process) the flip switches this process as it commits. LISTEN/NOTIFY preloads the new
// version before its flip, so the switch seldom waits for a load.
import "server-only";
import { inArray } from "drizzle-orm";
import type { DbHandle } from "../db";
import { indexes } from "../db/schema";
import type { SearchParams } from "../contracts/search";
import { readArtifact } from "../deploy/artifacts";
import { deploySignals, LIVE_CHANNEL, PREPARE_CHANNEL } from "../db/channels";
import { AppError, notFound } from "../errors";
import { embedTexts } from "../embeddings/provider";
import { IndexNotLoadedError, SearchPool, SearchQueryError, SearchTimeoutError, type ArtifactMeta, type SearchResult } from "./engine";
import type { EmbeddingsSettings } from "../contracts/embeddings";
import { recordSearch } from "../metrics";
import { CoalescedRead } from "./live-check";
import { analyseSchema, describeIssues, engineIssue, searchParamIssues, type SearchIssue, type SearchSchema } from "./validate-params";

/** PGlite only (one process, switched by the flip itself): how often the embeddings settings are re-read. */
const RECHECK_MS = 5_000;

type LiveEntry = { deploymentId: string | null; embeddings: EmbeddingsSettings | null; checkedAt: number };
type LiveRow = { id: string; live: string | null; embeddings: EmbeddingsSettings | null };
type State = {
  pool: SearchPool;
  live: Map<string, LiveEntry>;
  loading: Map<string, Promise<void>>;
  /** Versions loaded ahead of their flip, per index; dropped at the next switch unless they went live. */
  prepared: Map<string, Set<string>>;
  /** Versions of each index this process has served, not yet dropped (the live one and those it replaced). */
  held: Map<string, Set<string>>;
  listening?: Promise<unknown>;
  /** Live-version checks (Postgres; PGlite's first reads and re-checks too). */
  checker?: CoalescedRead<LiveRow>;
};
const g = globalThis as typeof globalThis & { __indexhookSearch?: State };
const state: State = (g.__indexhookSearch ??= { pool: new SearchPool(), live: new Map(), loading: new Map(), prepared: new Map(), held: new Map() });
state.held ??= new Map(); // a state made by an older module instance (dev reloads)

function load(h: DbHandle, deploymentId: string): Promise<void> {
  if (state.pool.has(deploymentId)) return Promise.resolve();
  let p = state.loading.get(deploymentId);
  if (!p) {
    p = (async () => {
      const started = Date.now();
      const artifact = await readArtifact(h.db, deploymentId, "index");
      if (!artifact) throw new Error(`no stored index for deployment ${deploymentId}`);
      await state.pool.load(deploymentId, artifact);
      console.log(`[indexhook] loaded ${deploymentId} (${(artifact.length / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
    })().finally(() => state.loading.delete(deploymentId));
    state.loading.set(deploymentId, p);
  }
  return p;
}

/**
 * Switch to a new live version at once: from this call on, searches answer from it (waiting for its load
 * if it is not loaded yet, see searchLive). The old version is dropped once the new one has loaded, so
 * searches already running on it finish.
 */
function switchTo(h: DbHandle, indexId: string, deploymentId: string | null, embeddings?: EmbeddingsSettings | null): void {
  const entry = state.live.get(indexId);
  const before = entry?.deploymentId;
  state.live.set(indexId, { deploymentId, embeddings: embeddings === undefined ? (entry?.embeddings ?? null) : embeddings, checkedAt: Date.now() });
  if (deploymentId === before) return;
  console.log(`[indexhook] ${indexId}: serving ${deploymentId}`);
  const loaded = deploymentId ? load(h, deploymentId).catch((err) => console.error("[indexhook] preload failed", err)) : Promise.resolve();
  const held = state.held.get(indexId) ?? new Set<string>();
  if (before) held.add(before);
  if (deploymentId) held.add(deploymentId);
  state.held.set(indexId, held);
  void loaded.then(async () => {
    // A later switch happened meanwhile: this version is already out (that switch drops the rest).
    if (state.live.get(indexId)?.deploymentId !== deploymentId) {
      if (deploymentId && held.delete(deploymentId)) await state.pool.evict(deploymentId);
      return;
    }
    for (const other of [...held, ...(state.prepared.get(indexId) ?? [])]) {
      if (other === deploymentId) continue;
      held.delete(other);
      await state.pool.evict(other);
    }
    state.prepared.delete(indexId);
  });
}

function ensureListening(h: DbHandle) {
  const parse = (payload: string) => JSON.parse(payload) as { indexId: string; deploymentId: string };
  state.listening ??= Promise.all([
    h.listen(LIVE_CHANNEL, (payload) => {
      // Postgres: check now (in turn with the searches' checks, so switches stay in commit order) to drop
      // the old version even if no search comes. PGlite: the flip's own signal below switched already.
      const { indexId } = parse(payload);
      if (h.kind === "postgres" && state.live.has(indexId)) void currentLive(h, indexId).catch(() => {});
    }),
    h.listen(PREPARE_CHANNEL, (payload) => {
      const { indexId, deploymentId } = parse(payload);
      if (!state.live.has(indexId)) return; // nobody searches it here: load lazily when someone does
      state.prepared.set(indexId, (state.prepared.get(indexId) ?? new Set()).add(deploymentId));
      void load(h, deploymentId).catch((err) => console.error("[indexhook] preload failed", err));
    }),
  ])
    .catch((err) => {
      state.listening = undefined;
      console.error("[indexhook] LISTEN failed; relying on re-checks", err);
    });
  if (h.kind === "pglite" && !deploySignals.listenerCount("live")) {
    // The flip emits this right after its commit, in this process (PGlite has no other): searches that
    // start later see the new version without asking the database.
    deploySignals.on("live", ({ indexId, deploymentId }: { indexId: string; deploymentId: string }) => {
      if (state.live.has(indexId)) switchTo(h, indexId, deploymentId);
    });
  }
  return state.listening;
}

/** The live version of an index, read by a query that starts after this call (coalesced, see live-check.ts). */
function checkLive(h: DbHandle, indexId: string): Promise<LiveRow | undefined> {
  state.checker ??= new CoalescedRead<LiveRow>(async (ids) => {
    const rows = await h.db
      .select({ id: indexes.id, live: indexes.liveDeploymentId, embeddings: indexes.embeddings })
      .from(indexes)
      .where(inArray(indexes.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  });
  return state.checker.get(indexId);
}

/**
 * The version a search arriving now must be answered from (callers then `await` its load). Postgres:
 * what the database says after this call (several processes flip each other). PGlite: this process's
 * own view, which the flip updates as it commits; read from the database on first use.
 */
export async function currentLive(h: DbHandle, indexId: string): Promise<LiveEntry> {
  await ensureListening(h);
  const cached = state.live.get(indexId);
  if (h.kind === "pglite" && cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached;
  const row = await checkLive(h, indexId);
  if (!row) throw notFound(`No index "${indexId}".`);
  // Checks run one after another, so their answers arrive in commit order: a later one never goes back.
  switchTo(h, indexId, row.live, row.embeddings);
  return state.live.get(indexId)!;
}

/** Live-version checks run by this process, and the searches they answered. */
export function liveCheckStats(): { queries: number; calls: number } {
  return { ...(state.checker?.stats ?? { queries: 0, calls: 0 }) };
}

/**
 * `deploymentId` (the version that answered) and `latencyMs` (the whole search as its caller waits for it,
 * measured once for the metrics and the analytics) are for the server: callers leave them out of answers.
 * `as: "json"`: the result as JSON text serialised in the search thread (the HTTP fast lane).
 */
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams): Promise<SearchResult & { deploymentId: string; latencyMs: number }>;
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams, as: "json"): Promise<{ json: string; count: number; deploymentId: string; latencyMs: number }>;
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams, as?: "json"): Promise<(SearchResult | { json: string; count: number }) & { deploymentId: string; latencyMs: number }> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    const entry = await currentLive(h, indexId);
    const deploymentId = entry.deploymentId;
    if (!deploymentId) throw new AppError("not_deployed", `Index "${indexId}" has no live version yet: deploy it first.`);
    await load(h, deploymentId);
    try {
      // Checked against the schema of the version that will answer, before anything is embedded or queued.
      const meta = state.pool.meta(deploymentId);
      if (!meta) throw new IndexNotLoadedError(deploymentId);
      const issues = searchParamIssues(schemaOf(meta), params, { autoEmbed: entry.embeddings?.targetProperty });
      if (issues.length > 0) throw invalidSearch(issues);
      const prepared = await withQueryVector(entry.embeddings, params);
      if (as === "json") {
        const json = await state.pool.searchJson(deploymentId, prepared.params, prepared.hide);
        const latencyMs = performance.now() - started;
        recordSearch(indexId, latencyMs, true);
        return { ...json, deploymentId, latencyMs };
      }
      const result = await state.pool.search(deploymentId, prepared.params);
      // The pool may answer from its cache: copy, never change, what it returns.
      const hide = prepared.hide;
      const latencyMs = performance.now() - started;
      recordSearch(indexId, latencyMs, true);
      if (hide) return { ...result, hits: result.hits.map((hit) => ({ ...hit, document: without(hit.document, hide) })), deploymentId, latencyMs };
      return { ...result, deploymentId, latencyMs };
    } catch (err) {
      // A new version went live (and the old one was dropped) while this search waited: once more.
      if (err instanceof IndexNotLoadedError && attempt === 0) continue;
      recordSearch(indexId, performance.now() - started, false);
      if (err instanceof SearchTimeoutError) {
        throw new AppError("search_timeout", "The search took too long and was stopped; narrow the query (more specific terms, filters).");
      }
      if (err instanceof SearchQueryError) throw invalidSearch([engineIssue(err.code, err.message)]);
      throw err;
    }
  }
}

/** 400 invalid_search: the message says the first problem, details list each with its parameter and property. */
export function invalidSearch(issues: SearchIssue[]): AppError {
  return new AppError("invalid_search", describeIssues(issues), issues);
}

/** One analysis per loaded version (the manifest object lives as long as the version is loaded). */
const schemas = new WeakMap<ArtifactMeta, SearchSchema>();
function schemaOf(meta: ArtifactMeta): SearchSchema {
  let s = schemas.get(meta);
  if (!s) schemas.set(meta, (s = analyseSchema(meta.schema)));
  return s;
}

function without<T extends object>(doc: T, property: string): T {
  if (!(property in doc)) return doc;
  const { [property]: _omit, ...rest } = doc as Record<string, unknown>;
  return rest as T;
}

/** vector/hybrid searches with only a term: embed the term with the index's provider. */
async function withQueryVector(settings: EmbeddingsSettings | null, params: SearchParams): Promise<{ params: SearchParams; hide?: string }> {
  if (!settings) return { params };
  if (params.mode === "fulltext" || params.vector) return { params, hide: settings.targetProperty };
  if (!params.term) throw invalidSearch([{ parameter: "term", path: "term", code: "term_required", message: `mode "${params.mode}" needs a term (to embed) or a vector.` }]);
  let value: number[];
  try {
    [value] = await embedTexts(settings, [params.term]);
  } catch (err) {
    throw new AppError("embeddings_unavailable", `Could not embed the query: ${(err as Error).message}`);
  }
  return { params: { ...params, vector: { value, property: settings.targetProperty } }, hide: settings.targetProperty };
}

export async function liveDeploymentId(h: DbHandle, indexId: string): Promise<string | null> {
  return (await currentLive(h, indexId)).deploymentId;
}
