// The pool under load: many parallel searches, a slow query that is timed out without holding up
// the others, the timed-out thread replaced with its indexes reloaded, evict and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import { buildArtifact } from "./build-artifact";
import { IndexNotLoadedError, SearchTimeoutError } from "./pool-protocol";
import { SearchPool } from "./search-pool";

// Typo tolerance 3 on many long made-up words walks most of the radix tree per word: seconds.
const SLOW = {
  term: Array.from({ length: 120 }, (_, i) => `${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${"qwertyuiopasdf".slice(i % 5, 8 + (i % 5))}`).join(" "),
  tolerance: 3,
};

describe("SearchPool", () => {
  let pool: SearchPool;
  let artifact: Buffer;
  beforeAll(async () => {
    artifact = await buildArtifact(WORDNET_SCHEMA, loadWordnet(4000));
    pool = new SearchPool({ size: 2, timeoutMs: 400 });
    await pool.load("wn", artifact);
  });
  afterAll(() => pool?.close());

  it("loads an artifact of a few thousand documents", async () => {
    expect(pool.has("wn")).toBe(true);
    const res = await pool.search("wn", { term: "water", limit: 5 });
    expect(res.count).toBeGreaterThan(10);
    expect(res.hits[0]).toMatchObject({ id: expect.any(String), score: expect.any(Number), document: { title: expect.any(String) } });
  });

  it("answers many parallel searches", async () => {
    const terms = ["the", "a person", "water", "animal", "red", "move", "of the", "quickly"];
    const all = await Promise.all(Array.from({ length: 200 }, (_, i) => pool.search("wn", { term: terms[i % terms.length], limit: 3 })));
    for (let i = 0; i < all.length; i++) expect(all[i]).toEqual({ ...all[i % terms.length], elapsed: all[i].elapsed });
  });

  it("times a slow search out, keeps answering others meanwhile, and replaces the thread", async () => {
    const started = Date.now();
    const slow = pool.search("wn", SLOW);
    const slowDone = slow.catch((e: unknown) => e);
    // While one thread is stuck, the other answers.
    const quick = [];
    for (let i = 0; i < 5; i++) quick.push(await pool.search("wn", { term: "water" }));
    expect(quick.every((r) => r.count > 0)).toBe(true);
    const err = await slowDone;
    expect(err).toBeInstanceOf(SearchTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    // Both threads (one of them new) answer, so the replacement reloaded the index.
    const after = await Promise.all(Array.from({ length: 8 }, () => pool.search("wn", { term: "animal" })));
    expect(after.every((r) => r.count > 0)).toBe(true);
  });

  it("answers a repeat from the calling thread's cache, without a message to a thread", async () => {
    const internals = pool as unknown as { slots: { thread: { postMessage: (m: unknown) => void } }[]; front: { size: number } };
    const first = await pool.search("wn", { term: "front cache", limit: 4 });
    let posted = 0;
    const originals = internals.slots.map((s) => s.thread.postMessage);
    internals.slots.forEach((s, i) => {
      s.thread.postMessage = (m: unknown) => {
        posted++;
        originals[i].call(s.thread, m);
      };
    });
    try {
      const again = await pool.search("wn", { limit: 4, term: "front cache" });
      expect(again).toEqual({ ...first, elapsed: again.elapsed });
      expect(posted).toBe(0);
    } finally {
      internals.slots.forEach((s, i) => (s.thread.postMessage = originals[i]));
    }
    // Loading the key again (a new version under the same key) forgets its cached results.
    expect(internals.front.size).toBeGreaterThan(0);
    await pool.load("wn", artifact);
    expect(internals.front.size).toBe(0);
  });

  it("loads a version into one thread at a time and keeps searching on the others meanwhile", async () => {
    const internals = pool as unknown as { slots: { loading: number }[] };
    // load() resolves once the first thread has the version; wait for the background loads of earlier tests.
    for (let i = 0; i < 500 && internals.slots.some((s) => s.loading > 0); i++) await new Promise((r) => setTimeout(r, 10));
    let done = false;
    let maxLoading = 0;
    let answeredDuringLoad = 0;
    const loading = pool.load("next", artifact).finally(() => (done = true));
    for (let i = 0; !done; i++) {
      const busy = internals.slots.filter((s) => s.loading > 0).length;
      maxLoading = Math.max(maxLoading, busy);
      const res = await pool.search("wn", { term: `water ${i}`, limit: 2 });
      expect(res.count).toBeGreaterThan(0);
      if (busy > 0 && internals.slots.some((s) => s.loading > 0)) answeredDuringLoad++;
    }
    await loading;
    // The other thread follows in the background, still one at a time.
    for (let i = 0; i < 500 && internals.slots.some((s) => s.loading > 0); i++) {
      maxLoading = Math.max(maxLoading, internals.slots.filter((s) => s.loading > 0).length);
      await pool.search("wn", { term: "water", limit: 2 });
    }
    expect(maxLoading).toBe(1);
    expect(answeredDuringLoad).toBeGreaterThan(0);
    expect((await pool.search("next", { term: "water" })).count).toBeGreaterThan(0);
    await pool.evict("next");
  });

  it("evicts, and refuses unknown keys and non-artifacts", async () => {
    await pool.load("tmp", artifact);
    await pool.evict("tmp");
    expect(pool.has("tmp")).toBe(false);
    await expect(pool.search("tmp", { term: "x" })).rejects.toBeInstanceOf(IndexNotLoadedError);
    await expect(pool.load("bad", Buffer.from("not an artifact"))).rejects.toThrow(/not an Indexhook search artifact/);
  });
});
