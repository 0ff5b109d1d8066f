// The per-thread result cache: canonical keys, LRU bounds (entries and bytes), invalidation on
// load/evict, and through the pool: a reloaded key never answers from the previous version.
import { describe, expect, it } from "vitest";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import { buildArtifact } from "./build-artifact";
import { canonicalJson, ResultCache } from "./result-cache";
import { SearchPool } from "./search-pool";
import type { SearchResult } from "./types";

const result = (count: number, pad = 0): SearchResult => ({ count, hits: [{ id: "x".repeat(pad), score: 1, document: {} }], elapsed: { raw: 0, formatted: "" } });

describe("ResultCache", () => {
  it("keys by canonical params: key order and undefined members do not matter, values do", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
    const c = new ResultCache();
    c.set("k", { term: "a", limit: 5 }, result(1));
    expect(c.get("k", { limit: 5, term: "a" })?.count).toBe(1);
    expect(c.get("k", { limit: 6, term: "a" })).toBeUndefined();
    expect(c.get("other", { limit: 5, term: "a" })).toBeUndefined();
  });

  it("evicts the least recently used entry past its entry bound", () => {
    const c = new ResultCache({ entries: 2 });
    c.set("k", { term: "1" }, result(1));
    c.set("k", { term: "2" }, result(2));
    c.get("k", { term: "1" });
    c.set("k", { term: "3" }, result(3));
    expect(c.size).toBe(2);
    expect(c.get("k", { term: "2" })).toBeUndefined();
    expect(c.get("k", { term: "1" })?.count).toBe(1);
    expect(c.get("k", { term: "3" })?.count).toBe(3);
  });

  it("stays within its byte bound and skips results larger than it", () => {
    const c = new ResultCache({ bytes: 3000 });
    for (let i = 0; i < 20; i++) c.set("k", { term: String(i) }, result(i, 400));
    expect(c.usedBytes).toBeLessThanOrEqual(3000);
    expect(c.size).toBeGreaterThan(0);
    expect(c.get("k", { term: "19" })?.count).toBe(19);
    c.set("k", { term: "big" }, result(0, 5000));
    expect(c.get("k", { term: "big" })).toBeUndefined();
  });

  it("drops every entry of a key", () => {
    const c = new ResultCache();
    c.set("a", { term: "1" }, result(1));
    c.set("b", { term: "1" }, result(2));
    c.dropKey("a");
    expect(c.get("a", { term: "1" })).toBeUndefined();
    expect(c.get("b", { term: "1" })?.count).toBe(2);
    expect(c.usedBytes).toBeGreaterThan(0);
    c.dropKey("b");
    expect(c.usedBytes).toBe(0);
  });

  it("never answers a reloaded key from its previous version (pool)", async () => {
    const docs = loadWordnet(2000);
    const small = await buildArtifact(WORDNET_SCHEMA, docs.slice(0, 500));
    const big = await buildArtifact(WORDNET_SCHEMA, docs);
    const pool = new SearchPool({ size: 1 });
    try {
      await pool.load("wn", small);
      const q = { term: "the", facets: { pos: {} } };
      const first = await pool.search("wn", q);
      const cached = await pool.search("wn", { facets: { pos: {} }, term: "the" });
      expect({ ...cached, elapsed: null }).toEqual({ ...first, elapsed: null });
      await pool.load("wn", big);
      const after = await pool.search("wn", q);
      expect(after.count).toBeGreaterThan(first.count);
      const uncached = new SearchPool({ size: 1, cache: false });
      await uncached.load("wn", big);
      expect({ ...(await uncached.search("wn", q)), elapsed: null }).toEqual({ ...after, elapsed: null });
      await uncached.close();
    } finally {
      await pool.close();
    }
  });
});
