// build (worker) → artifact → load (pool and in-process) → search must equal searching the index
// Orama built in-process, for every property type, nested properties, filters, facets and vectors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyOrama } from "@orama/orama";
import type { SearchParamsInput } from "../../contracts/search";
import { decodeArtifact, readArtifactMeta } from "./artifact";
import { buildArtifact } from "./build-artifact";
import { ALL_TYPES_SCHEMA, allTypesDocs, comparable, inProcessDb } from "./fixtures";
import { patchOrama } from "./orama-patch";
import { runSearch, SearchQueryError } from "./run-search";
import { SearchPool } from "./search-pool";
import type { BuildProgress } from "./types";

const QUERIES: Record<string, SearchParamsInput> = {
  term: { term: "phone" },
  "term in string[]": { term: "red", properties: ["tags"] },
  "nested string": { term: "corp", properties: ["meta.brand"], limit: 50 },
  "number where": { where: { price: { between: [10, 50] } }, limit: 100 },
  "boolean where": { term: "fast", where: { inStock: true } },
  "enum where": { where: { category: { eq: "audio" } }, limit: 100 },
  "enum[] where": { where: { colors: { containsAll: ["red"] } }, limit: 100 },
  "number[] where": { where: { ratings: { gte: 4 } }, limit: 100 },
  "boolean[] where": { where: { flags: true }, limit: 100 },
  "nested where": { term: "cable", where: { "meta.year": { gte: 2010 }, "meta.origin.country": { eq: "DE" } } },
  facets: {
    term: "case",
    facets: {
      category: {},
      inStock: { true: true, false: true },
      price: { ranges: [{ from: 0, to: 30 }, { from: 30, to: 100 }] },
    },
  },
  "sortBy number": { term: "blue", sortBy: { property: "price", order: "DESC" }, limit: 20 },
  "sortBy string": { where: { category: { eq: "desk" } }, sortBy: { property: "title", order: "ASC" }, limit: 20 },
  geopoint: { where: { location: { radius: { coordinates: { lat: 45, lon: 10 }, value: 300, unit: "km", inside: true } } }, limit: 100 },
  vector: { mode: "vector", vector: { value: [1, 0.2, 0.1], property: "embedding" }, similarity: 0.8, limit: 20 },
  hybrid: { mode: "hybrid", term: "laptop", vector: { value: [0.1, 0.9, 0.3], property: "embedding" }, similarity: 0.5 },
  groupBy: { term: "stand", groupBy: { properties: ["inStock"], maxResult: 3 } },
  distinctOn: { term: "charger", distinctOn: "category", limit: 4 },
  tolerance: { term: "phnoe", tolerance: 2 },
};

describe("search engine round trip", () => {
  const docs = allTypesDocs();
  let reference: AnyOrama;
  let loaded: AnyOrama;
  let pool: SearchPool;
  const progress: BuildProgress[] = [];

  beforeAll(async () => {
    patchOrama();
    // Orama keeps references to inserted documents; give it copies so the fixture stays pristine.
    reference = await inProcessDb(ALL_TYPES_SCHEMA, structuredClone(docs));
    const artifact = await buildArtifact(ALL_TYPES_SCHEMA, docs, { batchSize: 100, onProgress: (p) => progress.push(p) });
    loaded = decodeArtifact(artifact);
    pool = new SearchPool({ size: 2 });
    await pool.load("all", artifact);
  });
  afterAll(() => pool?.close());

  it("reports build and serialize progress", () => {
    expect(progress[0]).toEqual({ phase: "build", done: 0, total: 300 });
    expect(progress.filter((p) => p.phase === "build").at(-1)).toEqual({ phase: "build", done: 300, total: 300 });
    expect(progress.at(-1)).toEqual({ phase: "serialize", done: 1, total: 1 });
  });

  for (const [name, params] of Object.entries(QUERIES)) {
    it(`answers "${name}" like in-process Orama`, async () => {
      const expected = runSearch(reference, params);
      expect(expected.count, "the query should match something").toBeGreaterThan(0);
      expect(comparable(runSearch(loaded, params))).toEqual(comparable(expected));
      const viaPool = await pool.search("all", params);
      expect(comparable(viaPool)).toEqual(comparable(expected));
      expect(viaPool.elapsed).toMatchObject({ raw: expect.any(Number), formatted: expect.any(String) });
    });
  }

  it("keeps nested documents intact", async () => {
    const res = await pool.search("all", { where: { "meta.origin.country": { eq: "JP" } }, limit: 1 });
    const original = docs.find((d) => d.id === res.hits[0].id);
    // Hits carry vectors as null, as Orama returns them; everything else is the document as indexed.
    expect(res.hits[0].document).toEqual({ ...original, embedding: null });
  });

  it("does not strip vectors from stored documents when searching (Orama 3.1.18 does)", async () => {
    await pool.search("all", { mode: "vector", vector: { value: [1, 0, 0], property: "embedding" }, similarity: 0.1 });
    const direct = runSearch(loaded, { where: { category: { eq: "audio" } }, limit: 1 });
    expect(direct.hits[0].document.embedding).toBeNull();
    expect((loaded.data.docs as { docs: Record<number, { embedding: unknown }> }).docs[1].embedding).toHaveLength(3);
  });

  it("rejects vector and hybrid mode without a vector, clearly", async () => {
    await expect(pool.search("all", { mode: "vector", term: "phone" })).rejects.toThrow(/needs `vector`/);
    await expect(pool.search("all", { mode: "hybrid", term: "phone" })).rejects.toBeInstanceOf(SearchQueryError);
  });

  it("turns Orama's errors about the query into SearchQueryError", async () => {
    await expect(pool.search("all", { term: "x", properties: ["nope"] })).rejects.toMatchObject({ name: "SearchQueryError", code: "unknown_index" });
  });

  it("stores the schema and document count in the artifact's manifest", async () => {
    const artifact = await buildArtifact(ALL_TYPES_SCHEMA, docs.slice(0, 10));
    expect(readArtifactMeta(artifact)).toMatchObject({ schema: ALL_TYPES_SCHEMA, docs: 10 });
  });
});
