// The shared path (a SharedIndex over one SharedArrayBuffer, read in place) must answer exactly what
// Orama answers — ids, scores bit for bit, order, counts, facets and their key order — without
// decoding Orama's instance for the shapes it covers, and decode it on first need for the others.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyOrama } from "@orama/orama";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import type { SearchParamsInput } from "../../contracts/search";
import { encodeDb } from "./artifact";
import { allTypesDocs, ALL_TYPES_SCHEMA, comparable, inProcessDb } from "./fixtures";
import { patchOrama } from "./orama-patch";
import { runSearch } from "./run-search";
import { SharedIndex } from "./shared-index";
import { sharedFastSearch } from "./shared-search";

const facets = { pos: {}, n: { ranges: [{ from: 1, to: 2 }, { from: 2, to: 10 }, { from: 1, to: 2 }] } };
/** Shapes the shared fast path answers itself. */
const COVERED: SearchParamsInput[] = [
  { term: "the" },
  { term: "a person" },
  { term: "a", limit: 200 },
  { term: "1", limit: 50 },
  { term: "19th century", limit: 30, facets },
  { term: "e", where: { pos: { eq: "adv" } }, limit: 20 },
  { term: "of", facets },
  { term: "the", where: { pos: { eq: "verb" } }, facets },
  { term: "the act", where: { n: { gte: 2 } }, facets, limit: 25, offset: 5 },
  { term: "the", where: { or: [{ n: { eq: 1 } }, { not: { pos: { in: ["noun", "adj"] } } }] }, limit: 30 },
  { term: "water", limit: 100 },
  { term: "wat", properties: ["title"], limit: 100 },
  { term: "s", offset: 300, limit: 40 },
  { term: "of", boost: { title: 3 }, offset: 20, limit: 20 },
  { term: "person", threshold: 0 },
  { term: "move quickly", where: { pos: { eq: "verb" } } },
  { term: "zebra" },
  { term: "qqqqqq", facets },
  { term: "the", relevance: { k: 1.5, b: 0.5 }, limit: 15 } as SearchParamsInput,
  { term: "the", facets: { title: { limit: 5 }, body: { sort: "asc", offset: 1, limit: 4 } } },
  { term: "a", limit: 100000 },
];
/** Shapes that need Orama's instance. */
const DECLINED: SearchParamsInput[] = [
  { term: "anmal", tolerance: 2, limit: 30 },
  { term: "the", exact: true },
  { term: "the", sortBy: { property: "n", order: "DESC" } },
  { term: "the", groupBy: { properties: ["n"] } },
  { term: "the", where: { title: "water" } },
];

function sharedOf(db: AnyOrama, schema: Parameters<typeof encodeDb>[0]): SharedIndex {
  const artifact = encodeDb(schema, db);
  const sab = new SharedArrayBuffer(artifact.length);
  new Uint8Array(sab).set(artifact);
  return SharedIndex.open(Buffer.from(sab))!;
}

function same(shared: SharedIndex, reference: AnyOrama, q: SearchParamsInput) {
  const expected = comparable(runSearch(reference, q, { fast: false }));
  const actual = comparable(runSearch(shared, q));
  expect(actual, JSON.stringify(q)).toEqual(expected);
  expect(JSON.stringify(actual), JSON.stringify(q)).toBe(JSON.stringify(expected));
}

describe("shared fast path", () => {
  let wn: AnyOrama;
  let all: AnyOrama;
  beforeAll(async () => {
    patchOrama();
    wn = await inProcessDb(WORDNET_SCHEMA, loadWordnet(4000));
    all = await inProcessDb(ALL_TYPES_SCHEMA, allTypesDocs(300));
  });

  it("answers from the shared columns exactly what Orama answers, without decoding Orama's instance", () => {
    const shared = sharedOf(wn, WORDNET_SCHEMA);
    expect(shared.hasOrama).toBe(false);
    for (const q of COVERED) expect(sharedFastSearch(shared, q), JSON.stringify(q)).not.toBeNull();
    // Twice: the second run reads the cached where bitmaps.
    for (let r = 0; r < 2; r++) for (const q of COVERED) same(shared, wn, q);
    expect(shared.hasOrama).toBe(false);
    expect(runSearch(shared, { term: "the" }).count).toBeGreaterThan(1000);
  });

  it("decodes Orama's instance from the same buffer for what it does not cover, with Orama's results", () => {
    const shared = sharedOf(wn, WORDNET_SCHEMA);
    for (const q of DECLINED) expect(sharedFastSearch(shared, q), JSON.stringify(q)).toBeNull();
    let decodes = 0;
    for (const q of DECLINED) {
      const expected = comparable(runSearch(wn, q, { fast: false }));
      expect(comparable(runSearch(shared, q, { onDecode: (phase) => phase === "start" && decodes++ })), JSON.stringify(q)).toEqual(expected);
    }
    expect(decodes).toBe(1);
    expect(shared.hasOrama).toBe(true);
    // Covered shapes still answer from the columns, identically.
    same(shared, wn, { term: "the act", where: { n: { gte: 2 } }, facets });
    shared.releaseOrama();
    expect(shared.hasOrama).toBe(false);
  });

  it("gives Orama's results on every property type (nested, arrays, vectors, geopoints)", () => {
    const shared = sharedOf(all, ALL_TYPES_SCHEMA);
    const qs: SearchParamsInput[] = [
      { term: "red phone", facets: { category: {}, inStock: {}, price: { ranges: [{ from: 0, to: 50 }, { from: 50, to: 100 }] } } },
      { term: "corp", properties: ["meta.brand"], limit: 50 },
      { term: "fan", where: { inStock: true, price: { lt: 60 } }, facets: { inStock: {}, category: {} } },
      { term: "c", boost: { title: 2, tags: 0.5 }, limit: 300 },
      { term: "cable", where: { "meta.year": { gte: 2010 }, "meta.origin.country": { eq: "DE" } } },
      { term: "case", where: { location: { radius: { coordinates: { lat: 45, lon: 10 }, value: 300, unit: "km", inside: true } } }, limit: 100 },
      { term: "stand", where: { colors: { containsAll: ["red"] }, flags: true }, limit: 100 },
    ];
    for (const q of qs) {
      expect(sharedFastSearch(shared, q), JSON.stringify(q)).not.toBeNull();
      same(shared, all, q);
    }
    expect(shared.hasOrama).toBe(false);
    // Array facets and vectors: Orama's instance.
    same(shared, all, { term: "fan", where: { inStock: true, price: { lt: 60 } }, facets: { colors: {}, tags: {} } });
    same(shared, all, { mode: "vector", vector: { value: [1, 0.2, 0.1], property: "embedding" }, similarity: 0.8, limit: 20 });
  });

  it("throws Orama's errors for bad filters and properties", () => {
    const shared = sharedOf(wn, WORDNET_SCHEMA);
    expect(() => runSearch(shared, { term: "the", properties: ["nope"] })).toThrow();
    expect(() => runSearch(shared, { term: "the", where: { nope: { eq: 1 } } })).toThrow();
    expect(() => runSearch(shared, { term: "the", where: { n: { gt: 1, lt: 3 } } } as SearchParamsInput)).toThrow();
  });
});
