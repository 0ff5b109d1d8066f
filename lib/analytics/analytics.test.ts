// Search analytics against a real database (PGlite, or Postgres with TEST_DATABASE_URL): the buffer's
// flush writes one batch with terms only for indexes that store them, sampling keeps counts right when
// scaled, the query sums and ranks, and retention removes old rows, orphans and rows beyond the cap.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../db";
import { indexes, searchEvents } from "../db/schema";
import { freshDb } from "../testing/db";
import { bufferSearch, drainBuffer, flushSearches, normalizeTerm } from "./record";
import { searchAnalytics } from "./query";
import { pruneSearchEvents } from "./retention";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
  await h.db.insert(indexes).values([
    { id: "books", name: "books", schema: { title: "string" } },
    { id: "secret", name: "secret", schema: { title: "string" }, analytics: { storeTerms: false } },
  ]);
});
afterAll(async () => h?.close());
afterEach(async () => {
  drainBuffer();
  await h.db.delete(searchEvents);
});

const search = (indexId: string, term: string | null, hits: number, latencyMs = 1, at = new Date()) => ({ indexId, term, hits, latencyMs, at });

describe("recording", () => {
  it("normalizes terms: trimmed, lower-case, single spaces; empty is null", () => {
    expect(normalizeTerm("  Harry   POTTER ")).toBe("harry potter");
    expect(normalizeTerm("   ")).toBeNull();
    expect(normalizeTerm(undefined)).toBeNull();
    expect(normalizeTerm("x".repeat(500))).toHaveLength(200);
  });

  it("flushes the buffer in one batch; no terms for an index that does not store them; drops deleted indexes", async () => {
    drainBuffer();
    bufferSearch(search("books", "dune", 3));
    bufferSearch(search("books", "zzz", 0));
    bufferSearch(search("secret", "password", 1));
    bufferSearch(search("gone", "x", 1));
    expect(await flushSearches(h)).toBe(3);
    expect(drainBuffer().rows).toHaveLength(0);
    const rows = await h.db.select().from(searchEvents).orderBy(searchEvents.id);
    expect(rows.map((r) => [r.indexId, r.term, r.hits, r.weight])).toEqual([
      ["books", "dune", 3, 1],
      ["books", "zzz", 0, 1],
      ["secret", null, 1, 1],
    ]);
    expect(await flushSearches(h)).toBe(0);
  });

  it("samples beyond the buffer's capacity, and the weights scale back to every search", async () => {
    drainBuffer();
    for (let i = 0; i < 1000; i++) bufferSearch(search("books", i % 4 === 0 ? "common" : `rare${i}`, 1), 100);
    expect(await flushSearches(h)).toBe(100);
    const rows = await h.db.select().from(searchEvents).where(eq(searchEvents.indexId, "books"));
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.weight === 10)).toBe(true);
    const a = await searchAnalytics(h, "books", "1h");
    expect(a.total.searches).toBe(1000);
    expect(a.sampled.rate).toBe(0.1);
  });
});

describe("the analytics query", () => {
  it("counts per minute, latency percentiles, top and zero-result terms over the window", async () => {
    const now = Date.now();
    const minuteAgo = new Date(now - 60_000);
    const old = new Date(now - 2 * 3600_000);
    await h.db.insert(searchEvents).values([
      ...Array.from({ length: 5 }, (_, i) => ({ indexId: "books", at: minuteAgo, term: "dune", hits: 2, latencyMs: i + 1 })),
      ...Array.from({ length: 3 }, () => ({ indexId: "books", at: minuteAgo, term: "nothing here", hits: 0, latencyMs: 10 })),
      { indexId: "books", at: minuteAgo, term: null, hits: 4, latencyMs: 1 },
      { indexId: "books", at: old, term: "old", hits: 0, latencyMs: 1 },
      { indexId: "secret", at: minuteAgo, term: null, hits: 0, latencyMs: 1 },
    ]);
    const a = await searchAnalytics(h, "books", "1h", now);
    expect(a.total).toEqual({ searches: 9, zeroResults: 3 });
    expect(a.topQueries).toEqual([
      { term: "dune", count: 5 },
      { term: "nothing here", count: 3 },
    ]);
    expect(a.zeroResultQueries).toEqual([{ term: "nothing here", count: 3 }]);
    expect(a.latency.p50).toBe(4); // 1 1 2 3 [4] 5 10 10 10
    expect(a.latency.p95).toBe(10);
    expect(a.searchesPerMinute).toHaveLength(60);
    expect(a.searchesPerMinute.reduce((s, p) => s + p.count, 0)).toBe(9);
    expect(a.sampled.rate).toBe(1);
    const day = await searchAnalytics(h, "books", "24h", now);
    expect(day.total.searches).toBe(10);
    expect(day.bucketMinutes).toBe(15);
    expect(day.searchesPerMinute).toHaveLength(96);
    const secret = await searchAnalytics(h, "secret", "7d", now);
    expect(secret).toMatchObject({ storeTerms: false, total: { searches: 1, zeroResults: 1 }, topQueries: [], zeroResultQueries: [] });
    expect(secret.searchesPerMinute).toHaveLength(168);
    await expect(searchAnalytics(h, "nope", "1h")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("retention", () => {
  it("deletes rows older than the retention, rows of deleted indexes, and the oldest beyond the cap", async () => {
    const day = 24 * 3600_000;
    const now = Date.now();
    await h.db.insert(searchEvents).values([
      { indexId: "books", at: new Date(now - 8 * day), term: "old", hits: 1, latencyMs: 1 },
      { indexId: "deleted", at: new Date(now - day), term: "orphan", hits: 1, latencyMs: 1 },
      ...["a", "b", "c", "d"].map((term, i) => ({ indexId: "books", at: new Date(now - (4 - i) * 1000), term, hits: 1, latencyMs: 1 })),
    ]);
    expect(await pruneSearchEvents(h.db, { retentionDays: 7, maxRows: 3 })).toBe(3);
    const left = await h.db.select({ term: searchEvents.term }).from(searchEvents).orderBy(searchEvents.id);
    expect(left.map((r) => r.term)).toEqual(["b", "c", "d"]);
    expect(await pruneSearchEvents(h.db, { retentionDays: 7, maxRows: 3 })).toBe(0);
  });
});
