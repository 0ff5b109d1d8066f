// searchJson: the result as JSON text made in the search thread (the HTTP fast lane writes it as is) —
// the same result as search(), with `elapsed`, a property left out on request, repeats from the front
// cache; and the engine's errors recognised by name across bundles (the fast lane and Next share a pool).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import { buildArtifact } from "./build-artifact";
import { IndexNotLoadedError, SearchTimeoutError } from "./pool-protocol";
import { SearchQueryError } from "./run-search";
import { SearchPool } from "./search-pool";

describe("SearchPool.searchJson", () => {
  let pool: SearchPool;
  beforeAll(async () => {
    pool = new SearchPool({ size: 2 });
    await pool.load("wn", await buildArtifact(WORDNET_SCHEMA, loadWordnet(2000)));
  });
  afterAll(() => pool?.close());

  it("is the JSON of the same result as search(), elapsed included", async () => {
    for (const params of [{ term: "water", limit: 5 }, { term: "red", where: { pos: { eq: "noun" } }, facets: { pos: {} } }, {}]) {
      const object = await pool.search("wn", params);
      const { json, count } = await pool.searchJson("wn", params);
      const parsed = JSON.parse(json);
      expect(count).toBe(object.count);
      expect(parsed.elapsed).toEqual({ raw: expect.any(Number), formatted: expect.any(String) });
      expect({ ...parsed, elapsed: null }).toEqual(JSON.parse(JSON.stringify({ ...object, elapsed: null })));
    }
  });

  it("leaves out a property of the hits' documents on request (an embeddings target)", async () => {
    const { json } = await pool.searchJson("wn", { term: "animal", limit: 3 }, "body");
    const hits = JSON.parse(json).hits as { document: Record<string, unknown> }[];
    expect(hits.length).toBe(3);
    for (const h of hits) {
      expect(h.document).not.toHaveProperty("body");
      expect(h.document).toHaveProperty("title");
    }
    // The same search without the omission still has it (separate cache entries).
    expect(JSON.parse((await pool.searchJson("wn", { term: "animal", limit: 3 })).json).hits[0].document).toHaveProperty("body");
  });

  it("answers a repeat from the calling thread without a message to a search thread", async () => {
    const internals = pool as unknown as { slots: { thread: { postMessage: (m: unknown) => void } }[] };
    const first = await pool.searchJson("wn", { term: "front json", limit: 4 });
    let posted = 0;
    const originals = internals.slots.map((s) => s.thread.postMessage);
    internals.slots.forEach((s, i) => {
      s.thread.postMessage = (m: unknown) => {
        posted++;
        originals[i].call(s.thread, m);
      };
    });
    try {
      const again = await pool.searchJson("wn", { limit: 4, term: "front json" });
      expect({ ...JSON.parse(again.json), elapsed: null }).toEqual({ ...JSON.parse(first.json), elapsed: null });
      expect(posted).toBe(0);
    } finally {
      internals.slots.forEach((s, i) => (s.thread.postMessage = originals[i]));
    }
  });

  it("fails as search() does", async () => {
    await expect(pool.searchJson("nope", { term: "x" })).rejects.toBeInstanceOf(IndexNotLoadedError);
    await expect(pool.searchJson("wn", { term: "x", mode: "vector" } as never)).rejects.toBeInstanceOf(SearchQueryError);
  });
});

describe("engine errors are recognised by name (another bundle's copy of the class)", () => {
  it.each([
    ["SearchTimeoutError", SearchTimeoutError],
    ["IndexNotLoadedError", IndexNotLoadedError],
    ["SearchQueryError", SearchQueryError],
  ] as const)("%s", (name, cls) => {
    expect(Object.assign(new Error("from elsewhere"), { name }) instanceof cls).toBe(true);
    expect(new Error("plain") instanceof cls).toBe(false);
    expect(Object.assign(new Error("other"), { name: "TypeError" }) instanceof cls).toBe(false);
  });
});
