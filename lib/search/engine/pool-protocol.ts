// Messages between SearchPool and its worker threads.
import type { SearchParamsInput } from "../../contracts/search";
import type { WireError } from "./wire";
import type { SearchResult } from "./types";

export type PoolRequest =
  | { type: "load"; seq: number; key: string; artifact: SharedArrayBuffer }
  | { type: "evict"; seq: number; key: string }
  | { type: "search"; seq: number; key: string; params: SearchParamsInput; json?: JsonRequest };

/** A search answered as JSON text made in the thread (the HTTP fast lane writes it to the socket as is). */
export type JsonRequest = { omit?: string };
/** The result without `elapsed` as JSON text (an object: it starts with "{"), and its count. */
export type JsonResult = { json: string; count: number; elapsedNs: number };

/** `artifact` (load): the artifact converted to the shared format, which the pool keeps instead.
 *  `decoding`: the search decodes Orama's instance first (seconds: not counted against its time limit). */
export type PoolReply =
  | { seq: number; ok: true; result?: SearchResult | JsonResult; artifact?: SharedArrayBuffer }
  | { seq: number; ok: false; error: WireError }
  | { seq: number; decoding: boolean };

/** A search took longer than the pool's timeoutMs; the thread running it was replaced. */
export class SearchTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`search took longer than ${timeoutMs} ms and was stopped`);
    this.name = "SearchTimeoutError";
  }
  // By name: the custom server's fast lane and Next's route handlers are separate bundles sharing one
  // pool (globalThis), so an error may come from the other bundle's copy of this class.
  static [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === "SearchTimeoutError";
  }
}

/** The key was never loaded into the pool, or was evicted. */
export class IndexNotLoadedError extends Error {
  constructor(readonly key: string) {
    super(`index ${key} is not loaded`);
    this.name = "IndexNotLoadedError";
  }
  static [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === "IndexNotLoadedError";
  }
}
