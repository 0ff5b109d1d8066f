// Thread entry for SearchPool: holds the loaded indexes of this thread and answers searches one at
// a time. A slow search blocks only this thread; the pool times it out and replaces the thread.
import { parentPort, workerData } from "node:worker_threads";
import type { AnyOrama } from "@orama/orama";
import { formatNanoseconds, getNanosecondsTime } from "@orama/orama/internals";
import { decodeArtifact } from "./artifact";
import { warmFastSearch } from "./fast-search";
import { patchOrama } from "./orama-patch";
import { ResultCache, type ResultCacheOptions } from "./result-cache";
import { runSearch } from "./run-search";
import { toWire } from "./wire";
import type { JsonRequest, JsonResult, PoolRequest } from "./pool-protocol";
import type { SearchResult } from "./types";

patchOrama();
const dbs = new Map<string, AnyOrama>();
const port = parentPort!;
const cacheOpts = (workerData as { cache?: ResultCacheOptions | false } | undefined)?.cache;
const cache = cacheOpts === false ? null : new ResultCache(cacheOpts ?? {});

port.on("message", (m: PoolRequest) => {
  try {
    if (m.type === "load") {
      // The artifact is shared memory: decode reads it in place and copies what it keeps.
      cache?.dropKey(m.key);
      const db = decodeArtifact(Buffer.from(m.artifact));
      dbs.set(m.key, db);
      port.postMessage({ seq: m.seq, ok: true });
      // Fill the fast path's BM25 columns while the thread is idle rather than in the first search.
      setImmediate(() => {
        if (dbs.get(m.key) === db) warmFastSearch(db);
      });
    } else if (m.type === "evict") {
      cache?.dropKey(m.key);
      dbs.delete(m.key);
      port.postMessage({ seq: m.seq, ok: true });
    } else {
      const db = dbs.get(m.key);
      if (!db) throw Object.assign(new Error(`index ${m.key} is not loaded`), { name: "IndexNotLoadedError" });
      const start = getNanosecondsTime() as bigint;
      const hit = cache?.get(m.key, m.params);
      if (hit) {
        // Same result; `elapsed` is this lookup's time, not the original search's.
        const ns = (getNanosecondsTime() as bigint) - start;
        if (m.json) port.postMessage({ seq: m.seq, ok: true, result: toJson(hit, m.json, Number(ns)) });
        else port.postMessage({ seq: m.seq, ok: true, result: { ...hit, elapsed: { raw: Number(ns), formatted: formatNanoseconds(ns) } } });
        return;
      }
      const result = runSearch(db, m.params);
      cache?.set(m.key, m.params, result);
      if (m.json) port.postMessage({ seq: m.seq, ok: true, result: toJson(result, m.json, result.elapsed.raw) });
      else port.postMessage({ seq: m.seq, ok: true, result });
    }
  } catch (err) {
    port.postMessage({ seq: m.seq, ok: false, error: toWire(err) });
  }
});

/** The result as JSON text without `elapsed` (the caller adds its own) and, with `omit`, without that
 *  property in the hits' documents: serialised here so the caller's event loop only writes it out. */
function toJson(result: SearchResult, req: JsonRequest, elapsedNs: number): JsonResult {
  const { elapsed: _e, ...rest } = result;
  const omit = req.omit;
  const body = omit ? { ...rest, hits: rest.hits.map((h) => (omit in h.document ? { ...h, document: without(h.document, omit) } : h)) } : rest;
  return { json: JSON.stringify(body), count: result.count, elapsedNs };
}

function without(doc: Record<string, unknown>, property: string): Record<string, unknown> {
  const { [property]: _omit, ...other } = doc;
  return other;
}
