// Each process keeps the live version of each index loaded (keyed by deployment id), loads it lazily,
// and switches when a deploy announces a new one (LISTEN/NOTIFY; a short re-check as a safety net).
import "server-only";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../db";
import { indexes } from "../db/schema";
import type { SearchParams } from "../contracts/search";
import { readArtifact } from "../deploy/artifacts";
import { LIVE_CHANNEL, PREPARE_CHANNEL } from "../db/channels";
import { AppError, notFound } from "../errors";
import { embedTexts } from "../embeddings/provider";
import { IndexNotLoadedError, SearchPool, SearchQueryError, SearchTimeoutError, type ArtifactMeta, type SearchResult } from "./engine";
import type { EmbeddingsSettings } from "../contracts/embeddings";
import { recordSearch } from "../metrics";
import { analyseSchema, describeIssues, engineIssue, searchParamIssues, type SearchIssue, type SearchSchema } from "./validate-params";

const RECHECK_MS = 5_000;

type LiveEntry = { deploymentId: string | null; embeddings: EmbeddingsSettings | null; checkedAt: number };
type State = {
  pool: SearchPool;
  live: Map<string, LiveEntry>;
  loading: Map<string, Promise<void>>;
  /** Versions loaded ahead of their flip, per index; dropped at the next switch unless they went live. */
  prepared: Map<string, Set<string>>;
  listening?: Promise<unknown>;
};
const g = globalThis as typeof globalThis & { __indexhookSearch?: State };
const state: State = (g.__indexhookSearch ??= { pool: new SearchPool(), live: new Map(), loading: new Map(), prepared: new Map() });

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

/** Switch to a new live version: load it first, then drop the old one, so searches never stall. */
async function switchTo(h: DbHandle, indexId: string, deploymentId: string | null, embeddings?: EmbeddingsSettings | null) {
  const entry = state.live.get(indexId);
  const before = entry?.deploymentId;
  if (deploymentId) await load(h, deploymentId).catch((err) => console.error("[indexhook] preload failed", err));
  if (deploymentId !== before) console.log(`[indexhook] ${indexId}: serving ${deploymentId}`);
  state.live.set(indexId, { deploymentId, embeddings: embeddings === undefined ? (entry?.embeddings ?? null) : embeddings, checkedAt: Date.now() });
  if (before && before !== deploymentId) await state.pool.evict(before);
  for (const other of state.prepared.get(indexId) ?? []) if (other !== deploymentId) await state.pool.evict(other);
  state.prepared.delete(indexId);
}

function ensureListening(h: DbHandle) {
  const parse = (payload: string) => JSON.parse(payload) as { indexId: string; deploymentId: string };
  state.listening ??= Promise.all([
    h.listen(LIVE_CHANNEL, (payload) => {
      const { indexId, deploymentId } = parse(payload);
      if (state.live.has(indexId)) void switchTo(h, indexId, deploymentId);
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
  return state.listening;
}

async function liveEntry(h: DbHandle, indexId: string): Promise<LiveEntry> {
  const cached = state.live.get(indexId);
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached;
  const [row] = await h.db
    .select({ live: indexes.liveDeploymentId, embeddings: indexes.embeddings })
    .from(indexes)
    .where(eq(indexes.id, indexId));
  if (!row) throw notFound(`No index "${indexId}".`);
  if (cached?.deploymentId !== row.live) await switchTo(h, indexId, row.live, row.embeddings);
  else state.live.set(indexId, { ...cached, embeddings: row.embeddings, checkedAt: Date.now() });
  return state.live.get(indexId)!;
}

/** `as: "json"`: the result as JSON text serialised in the search thread (the HTTP fast lane). */
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams): Promise<SearchResult & { deploymentId: string }>;
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams, as: "json"): Promise<{ json: string; count: number; deploymentId: string }>;
export async function searchLive(h: DbHandle, indexId: string, params: SearchParams, as?: "json"): Promise<(SearchResult | { json: string; count: number }) & { deploymentId: string }> {
  await ensureListening(h);
  for (let attempt = 0; ; attempt++) {
    const entry = await liveEntry(h, indexId);
    const deploymentId = entry.deploymentId;
    if (!deploymentId) throw new AppError("not_deployed", `Index "${indexId}" has no live version yet: deploy it first.`);
    await load(h, deploymentId);
    const started = performance.now();
    try {
      // Checked against the schema of the version that will answer, before anything is embedded or queued.
      const meta = state.pool.meta(deploymentId);
      if (!meta) throw new IndexNotLoadedError(deploymentId);
      const issues = searchParamIssues(schemaOf(meta), params, { autoEmbed: entry.embeddings?.targetProperty });
      if (issues.length > 0) throw invalidSearch(issues);
      const prepared = await withQueryVector(entry.embeddings, params);
      if (as === "json") {
        const json = await state.pool.searchJson(deploymentId, prepared.params, prepared.hide);
        recordSearch(indexId, started, true);
        return { ...json, deploymentId };
      }
      const result = await state.pool.search(deploymentId, prepared.params);
      // The pool may answer from its cache: copy, never change, what it returns.
      const hide = prepared.hide;
      recordSearch(indexId, started, true);
      if (hide) return { ...result, hits: result.hits.map((hit) => ({ ...hit, document: without(hit.document, hide) })), deploymentId };
      return { ...result, deploymentId };
    } catch (err) {
      // A new version went live (and the old one was dropped) while this search waited: once more.
      if (err instanceof IndexNotLoadedError && attempt === 0) continue;
      recordSearch(indexId, started, false);
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
  await ensureListening(h);
  return (await liveEntry(h, indexId)).deploymentId;
}
