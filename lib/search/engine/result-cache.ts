// A per-thread LRU of search results keyed by (index key, canonical params). Safe because a loaded
// key's data never changes: a new version is a new key, and load/evict of a key drop its entries.
// Bounded by entry count and by an estimate of bytes (JSON length of the result, ×2 for UTF-16).
import type { SearchResult } from "./types";

export type ResultCacheOptions = { entries?: number; bytes?: number };

/** JSON with object keys sorted at every level: equal params give equal strings whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

type Entry<T> = { key: string; result: T; bytes: number };

/** Holds SearchResults by default; any JSON-serialisable value (the fast lane's JSON answers) works. */
export class ResultCache<T = SearchResult> {
  private entries = new Map<string, Entry<T>>();
  private bytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;

  constructor(opts: ResultCacheOptions = {}) {
    this.maxEntries = opts.entries ?? 1000;
    this.maxBytes = opts.bytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }
  get usedBytes(): number {
    return this.bytes;
  }

  private id(key: string, params: unknown): string {
    return `${key}\u0000${canonicalJson(params)}`;
  }

  get(key: string, params: unknown): T | undefined {
    const id = this.id(key, params);
    const e = this.entries.get(id);
    if (!e) return undefined;
    // Most recently used goes last.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.result;
  }

  set(key: string, params: unknown, result: T): void {
    if (this.maxEntries <= 0) return;
    const id = this.id(key, params);
    const bytes = 2 * (JSON.stringify(result).length + id.length);
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(id);
    if (old) this.remove(id, old);
    this.entries.set(id, { key, result, bytes });
    this.bytes += bytes;
    for (const [oldest, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldest, e);
    }
  }

  /** Forgets every result of `key` (its index was replaced or evicted). */
  dropKey(key: string): void {
    for (const [id, e] of this.entries) if (e.key === key) this.remove(id, e);
  }

  private remove(id: string, e: Entry<T>): void {
    this.entries.delete(id);
    this.bytes -= e.bytes;
  }
}
