// Thread entry for SearchPool: holds this thread's view of every loaded version and answers searches
// one at a time. A slow search blocks only this thread; the pool times it out and replaces the thread.
// A version is a SharedIndex over the pool's SharedArrayBuffer: read in place, shared by all threads;
// Orama's own instance is decoded from it only for queries the shared fast path does not cover, and
// dropped again after `oramaIdleMs` without such a query.
import { parentPort, workerData } from "node:worker_threads";
import type { AnyOrama } from "@orama/orama";
import { formatNanoseconds, getNanosecondsTime } from "@orama/orama/internals";
import { warmFastSearch } from "./fast-search";
import { decodeArtifact, encodeDb, readArtifactMeta } from "./artifact";
import { patchOrama } from "./orama-patch";
import { ResultCache, type ResultCacheOptions } from "./result-cache";
import { runSearch } from "./run-search";
import { SharedIndex } from "./shared-index";
import { toWire } from "./wire";
import type { JsonRequest, JsonResult, PoolReply, PoolRequest } from "./pool-protocol";
import type { SearchResult } from "./types";

patchOrama();
const indexes = new Map<string, SharedIndex>();
/** Bench only (INDEXHOOK_SEARCH_DECODE=orama): each thread decodes its own Orama instance, as before
 *  the shared columns, so `npm run bench -- memory` can show both in one run. */
const legacy = process.env.INDEXHOOK_SEARCH_DECODE === "orama";
const decoded = new Map<string, AnyOrama>();
const port = parentPort!;
const data = (workerData ?? {}) as { cache?: ResultCacheOptions | false; oramaIdleMs?: number };
const cache = data.cache === false ? null : new ResultCache(data.cache ?? {});
const oramaIdleMs = data.oramaIdleMs ?? 5 * 60_000;
const reply = (m: PoolReply) => port.postMessage(m);

// Orama's instance costs about what the index cost per thread before sharing: keep it only while used.
setInterval(() => {
  const now = Date.now();
  for (const ix of indexes.values()) if (ix.hasOrama && now - ix.lastOramaUse > oramaIdleMs) ix.releaseOrama();
}, Math.min(60_000, oramaIdleMs)).unref();

/** A view of the artifact; one written before the shared sections is converted once (decode + encode). */
function open(artifact: SharedArrayBuffer): { ix: SharedIndex; converted?: SharedArrayBuffer } {
  const buf = Buffer.from(artifact);
  const ix = SharedIndex.open(buf);
  if (ix) return { ix };
  const meta = readArtifactMeta(buf);
  const encoded = encodeDb(meta.schema, decodeArtifact(buf), { tokenMaxLength: meta.tokenMaxLength });
  const converted = new SharedArrayBuffer(encoded.length);
  new Uint8Array(converted).set(encoded);
  return { ix: SharedIndex.open(Buffer.from(converted))!, converted };
}

port.on("message", (m: PoolRequest) => {
  try {
    if (m.type === "load") {
      cache?.dropKey(m.key);
      if (legacy) {
        const db = decodeArtifact(Buffer.from(m.artifact));
        decoded.set(m.key, db);
        warmFastSearch(db);
        reply({ seq: m.seq, ok: true });
        return;
      }
      const { ix, converted } = open(m.artifact);
      indexes.set(m.key, ix);
      reply({ seq: m.seq, ok: true, artifact: converted });
    } else if (m.type === "evict") {
      cache?.dropKey(m.key);
      indexes.delete(m.key);
      decoded.delete(m.key);
      reply({ seq: m.seq, ok: true });
    } else {
      const ix = indexes.get(m.key) ?? decoded.get(m.key);
      if (!ix) throw Object.assign(new Error(`index ${m.key} is not loaded`), { name: "IndexNotLoadedError" });
      const start = getNanosecondsTime() as bigint;
      const hit = cache?.get(m.key, m.params);
      if (hit) {
        // Same result; `elapsed` is this lookup's time, not the original search's.
        const ns = (getNanosecondsTime() as bigint) - start;
        if (m.json) reply({ seq: m.seq, ok: true, result: toJson(hit, m.json, Number(ns)) });
        else reply({ seq: m.seq, ok: true, result: { ...hit, elapsed: { raw: Number(ns), formatted: formatNanoseconds(ns) } } });
        return;
      }
      const result = runSearch(ix, m.params, { onDecode: (phase) => reply({ seq: m.seq, decoding: phase === "start" }) });
      cache?.set(m.key, m.params, result);
      if (m.json) reply({ seq: m.seq, ok: true, result: toJson(result, m.json, result.elapsed.raw) });
      else reply({ seq: m.seq, ok: true, result });
    }
  } catch (err) {
    reply({ seq: m.seq, ok: false, error: toWire(err) });
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
