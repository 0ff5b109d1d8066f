// SearchPool: N worker threads, each holding every loaded index. Searches wait in one queue and go
// to the first thread that is free (one search per thread at a time); one that outlives timeoutMs is rejected and its thread replaced (reloading the indexes),
// so a pathological query costs one thread for timeoutMs, never the caller's event loop.
import type { Worker } from "node:worker_threads";
import type { SearchParamsInput } from "../../contracts/search";
import { readArtifactMeta, type ArtifactMeta } from "./artifact";
import { IndexNotLoadedError, SearchTimeoutError, type JsonRequest, type JsonResult, type PoolReply, type PoolRequest } from "./pool-protocol";
import { formatNanoseconds } from "@orama/orama/internals";
import { ResultCache, type ResultCacheOptions } from "./result-cache";
import { SearchQueryError } from "./run-search";
import { startThread } from "./spawn";
import type { WireError } from "./wire";
import type { SearchResult } from "./types";

type Reply = SearchResult | JsonResult | undefined;
type Pending = {
  req: PoolRequest;
  resolve: (v: Reply) => void;
  reject: (e: Error) => void;
  timed: boolean;
  timer?: NodeJS.Timeout;
};
/** `keys`: what the thread holds or is loading; `loading`: loads it has not answered yet (it decodes
 *  them one by one and cannot search meanwhile). */
type Slot = { thread: Worker; pending: Map<number, Pending>; searching: number; loading: number; keys: Set<string> };
type Waiting = { key: string; params: SearchParamsInput; json?: JsonRequest; resolve: (v: Reply) => void; reject: (e: Error) => void };

export type SearchPoolOptions = {
  size?: number;
  timeoutMs?: number;
  /** Per-thread LRU of results per (key, params); default 1000 entries / 64 MB per thread; false turns it off. */
  cache?: ResultCacheOptions | false;
  /** The same LRU in the calling thread, answering repeats without the hop to a thread (no message,
   *  no copy of the result); default 1000 entries / 16 MB; off when `cache` is false. */
  frontCache?: ResultCacheOptions | false;
  /** A thread drops Orama's own instance of a version (decoded for queries the shared fast path does not
   *  cover: typo tolerance, sortBy, groupBy, vectors…) after this long without such a query; default 5 min. */
  oramaIdleMs?: number;
};

function fromWire(e: WireError): Error {
  if (e.name === "SearchQueryError") return new SearchQueryError(e.message, e.code);
  return Object.assign(new Error(e.message), { name: e.name });
}

function elapsedSince(start: bigint): SearchResult["elapsed"] {
  const ns = process.hrtime.bigint() - start;
  return { raw: Number(ns), formatted: formatNanoseconds(ns) };
}

/** The thread's JSON (an object without `elapsed`) with `elapsed` put first. */
function withElapsed(r: JsonResult, elapsed: SearchResult["elapsed"]): { json: string; count: number } {
  return { json: `{"elapsed":${JSON.stringify(elapsed)},${r.json.slice(1)}`, count: r.count };
}

export class SearchPool {
  private slots: Slot[] = [];
  /** Searches not yet given to a thread: each thread runs one search at a time, so a short search
   *  waits for the first free thread instead of queueing behind a long one in a busy thread. */
  private waiting: Waiting[] = [];
  private artifacts = new Map<string, SharedArrayBuffer>();
  /** Each loaded key's manifest (its schema, for checking searches before they reach a thread). */
  private metas = new Map<string, ArtifactMeta>();
  private seq = 0;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly cache: ResultCacheOptions | false;
  private readonly front: ResultCache | null;
  private readonly oramaIdleMs: number | undefined;
  /** The front cache of searchJson's answers (by key, params and omitted property). */
  private readonly frontJson: ResultCache<JsonResult> | null;

  constructor(opts: SearchPoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 2000;
    this.cache = opts.cache ?? {};
    this.oramaIdleMs = opts.oramaIdleMs;
    const front = this.cache === false ? false : (opts.frontCache ?? { bytes: 16 * 1024 * 1024 });
    this.front = front === false ? null : new ResultCache(front);
    this.frontJson = front === false ? null : new ResultCache<JsonResult>(front);
    for (let i = 0; i < Math.max(1, opts.size ?? 2); i++) this.slots.push(this.spawn());
  }

  has(key: string): boolean {
    return this.artifacts.has(key);
  }

  /** The manifest of a loaded key (schema, document count); undefined once evicted. */
  meta(key: string): ArtifactMeta | undefined {
    return this.metas.get(key);
  }

  /** Loads (or replaces) `key` in every thread, one after the other; resolves once the first can search
   *  it (so a flip waits for one decode, as when all decoded at once); the others follow in the background. */
  async load(key: string, artifact: Buffer): Promise<void> {
    // One shared copy for all threads (and for reloading a replaced thread) instead of N copies.
    const meta = readArtifactMeta(artifact); // throws here, not in every thread, if this is not an artifact
    const sab = new SharedArrayBuffer(artifact.byteLength);
    new Uint8Array(sab).set(artifact);
    const previous = this.artifacts.get(key);
    const previousMeta = this.metas.get(key);
    this.front?.dropKey(key);
    this.frontJson?.dropKey(key);
    this.artifacts.set(key, sab);
    this.metas.set(key, meta);
    // One thread at a time: a thread decoding (seconds for a large index) cannot search, so the others
    // keep answering — loading all at once stalled every search for the decode. A thread replaced
    // meanwhile is skipped: its replacement reloads every artifact, this one included.
    const [first, ...rest] = this.slots;
    if (!first) return; // closed
    try {
      await this.send(first, { type: "load", seq: ++this.seq, key, artifact: sab });
    } catch (err) {
      // Keep serving the previous version (threads that failed still hold it) rather than a broken one.
      if (previous) this.artifacts.set(key, previous);
      else this.artifacts.delete(key);
      if (previousMeta) this.metas.set(key, previousMeta);
      else this.metas.delete(key);
      throw err;
    }
    // The first thread may have converted an old artifact: the others load that copy.
    const shared = this.artifacts.get(key);
    void (async () => {
      for (const s of rest) {
        if (!this.slots.includes(s) || !shared || this.artifacts.get(key) !== shared) continue;
        // A failed load leaves that thread without the key (see the message handler): others serve it.
        await this.send(s, { type: "load", seq: ++this.seq, key, artifact: shared }).catch((err) => console.error(`[indexhook] loading ${key} into a search thread failed`, err));
      }
    })();
  }

  async evict(key: string): Promise<void> {
    this.artifacts.delete(key);
    this.metas.delete(key);
    this.front?.dropKey(key);
    this.frontJson?.dropKey(key);
    await Promise.all(this.slots.map((s) => this.send(s, { type: "evict", seq: ++this.seq, key })));
  }

  async search(key: string, params: SearchParamsInput): Promise<SearchResult> {
    if (this.closed) throw new Error("search pool is closed");
    if (!this.artifacts.has(key)) throw new IndexNotLoadedError(key);
    const start = process.hrtime.bigint();
    const hit = this.front?.get(key, params);
    // Same result; `elapsed` is this lookup's time, not the original search's (as in the threads' cache).
    if (hit) return { ...hit, elapsed: elapsedSince(start) };
    const sab = this.artifacts.get(key);
    const result = (await this.queue(key, params)) as SearchResult;
    // Only if the key still holds the version that answered (not evicted or replaced meanwhile).
    if (this.front && this.artifacts.get(key) === sab) this.front.set(key, params, result);
    return result;
  }

  /**
   * The same search answered as JSON text serialised in the search thread (without `elapsed`, and
   * without the property `omit` in the hits' documents), for a caller that writes it to a socket as is.
   */
  async searchJson(key: string, params: SearchParamsInput, omit?: string): Promise<{ json: string; count: number }> {
    if (this.closed) throw new Error("search pool is closed");
    if (!this.artifacts.has(key)) throw new IndexNotLoadedError(key);
    const start = process.hrtime.bigint();
    const cacheParams = omit ? { params, omit } : params;
    const hit = this.frontJson?.get(key, cacheParams);
    if (hit) return withElapsed(hit, elapsedSince(start));
    const sab = this.artifacts.get(key);
    const result = (await this.queue(key, params, { omit })) as JsonResult;
    if (this.frontJson && this.artifacts.get(key) === sab) this.frontJson.set(key, cacheParams, result);
    return withElapsed(result, { raw: result.elapsedNs, formatted: formatNanoseconds(BigInt(Math.round(result.elapsedNs))) });
  }

  private queue(key: string, params: SearchParamsInput, json?: JsonRequest): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.push({ key, params, json, resolve, reject });
      this.pump();
    });
  }

  /**
   * The thread for a search of `key`: one that holds it and runs no search, preferring one with no
   * load to decode. A thread still loading is used only if no thread that is done loading holds the
   * key (a busy one will be free long before a decode ends): undefined means wait.
   */
  private pick(key: string): Slot | undefined {
    let best: Slot | undefined;
    let ready = false;
    const rank = (s: Slot) => (s.loading > 0 ? 1e9 : 0) + s.pending.size;
    for (const s of this.slots) {
      if (!s.keys.has(key)) continue;
      if (s.loading === 0) ready = true;
      if (s.searching === 0 && (!best || rank(s) < rank(best))) best = s;
    }
    return best && best.loading > 0 && ready ? undefined : best;
  }

  /** Hands waiting searches, oldest first, to threads that are not running one. */
  private pump(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const w = this.waiting[0];
      if (!this.artifacts.has(w.key)) {
        this.waiting.shift();
        w.reject(new IndexNotLoadedError(w.key));
        continue;
      }
      const slot = this.pick(w.key);
      if (!slot) return;
      this.waiting.shift();
      slot.searching++;
      this.send(slot, { type: "search", seq: ++this.seq, key: w.key, params: w.params, ...(w.json ? { json: w.json } : {}) }, true).then(w.resolve, w.reject);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error("search pool is closed"));
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) this.failAll(s, new Error("search pool is closed"));
    await Promise.all(slots.map((s) => s.thread.terminate()));
  }

  private send(slot: Slot, req: PoolRequest, timed = false): Promise<Reply> {
    if (req.type === "load") {
      slot.loading++;
      slot.keys.add(req.key);
    } else if (req.type === "evict") slot.keys.delete(req.key);
    return new Promise((resolve, reject) => {
      slot.pending.set(req.seq, { req, resolve, reject, timed });
      slot.thread.postMessage(req);
      this.arm(slot);
    });
  }

  /**
   * A thread works its queue in order, so the oldest pending request is the one running. Only it
   * is timed: waiting in the queue behind others must not count against a search (or kill a
   * healthy thread under load).
   */
  private arm(slot: Slot): void {
    const head = slot.pending.values().next().value;
    if (head?.timed && !head.timer) head.timer = setTimeout(() => this.timeout(head), this.timeoutMs);
  }

  private timeout(p: Pending): void {
    // Look the thread up now: the request may have moved to a replacement since it was sent.
    const slot = this.slots.find((s) => s.pending.get(p.req.seq) === p);
    if (!slot) return;
    slot.pending.delete(p.req.seq);
    if (p.req.type === "search") slot.searching--;
    p.reject(new SearchTimeoutError(this.timeoutMs));
    this.replace(slot);
  }

  private spawn(): Slot {
    const thread = startThread("search-thread", { workerData: { cache: this.cache, oramaIdleMs: this.oramaIdleMs } });
    const slot: Slot = { thread, pending: new Map(), searching: 0, loading: 0, keys: new Set() };
    thread.on("message", (m: PoolReply) => {
      const p = slot.pending.get(m.seq);
      if (!p) return;
      if ("decoding" in m) {
        // The search first decodes Orama's instance (seconds for a large index, once per thread and
        // version): not counted against its limit, which starts again once the decode is done.
        clearTimeout(p.timer);
        p.timer = undefined;
        p.timed = !m.decoding && p.req.type === "search";
        this.arm(slot);
        return;
      }
      slot.pending.delete(m.seq);
      // A thread converted an artifact written before the shared format: every thread reads that copy.
      if (m.ok && m.artifact && p.req.type === "load" && this.artifacts.get(p.req.key) === p.req.artifact) this.artifacts.set(p.req.key, m.artifact);
      clearTimeout(p.timer);
      if (p.req.type === "search") slot.searching--;
      else if (p.req.type === "load") {
        slot.loading--;
        if (!m.ok) slot.keys.delete(p.req.key);
      }
      if (m.ok) p.resolve(m.result);
      else p.reject(fromWire(m.error));
      this.arm(slot);
      this.pump();
    });
    // A crashed thread is replaced like a timed-out one; its requests are retried elsewhere.
    thread.on("error", () => this.replace(slot));
    thread.on("exit", () => this.replace(slot));
    return slot;
  }

  /** Swaps a stuck or dead thread for a fresh one that reloads every index, then re-sends its work. */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    slot.thread.removeAllListeners();
    void slot.thread.terminate();
    const fresh = this.spawn();
    this.slots[i] = fresh;
    // Tracked as pending so the searches queued behind the reload are not timed while it runs.
    for (const [key, sab] of this.artifacts) {
      const req: PoolRequest = { type: "load", seq: ++this.seq, key, artifact: sab };
      fresh.pending.set(req.seq, { req, resolve: () => {}, reject: () => {}, timed: false });
      fresh.loading++;
      fresh.keys.add(key);
      fresh.thread.postMessage(req);
    }
    for (const p of slot.pending.values()) {
      // Loads/evicts of the old thread are covered by the reload above; searches start over.
      clearTimeout(p.timer);
      if (p.req.type !== "search") p.resolve(undefined);
      else {
        fresh.pending.set(p.req.seq, { ...p, timer: undefined });
        fresh.searching++;
        fresh.thread.postMessage(p.req);
      }
    }
    this.arm(fresh);
    this.pump();
  }

  private failAll(slot: Slot, err: Error): void {
    for (const p of slot.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    slot.pending.clear();
  }
}
