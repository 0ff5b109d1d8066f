// The typed-array fast path must return exactly what Orama returns: ids, scores (bit for bit), order,
// counts and facets (including their key order), on a wordnet sample with common-term queries, and
// must decline (fall back to Orama) for the shapes it does not cover.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyOrama } from "@orama/orama";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import type { SearchParamsInput } from "../../contracts/search";
import { decodeArtifact, encodeDb } from "./artifact";
import { fastSearch, warmFastSearch } from "./fast-search";
import { allTypesDocs, ALL_TYPES_SCHEMA, comparable, inProcessDb } from "./fixtures";
import { patchOrama } from "./orama-patch";
import { runSearch } from "./run-search";

const facets = { pos: {}, n: { ranges: [{ from: 1, to: 2 }, { from: 2, to: 10 }, { from: 1, to: 2 }] } };
const WORDNET_QUERIES: SearchParamsInput[] = [
  { term: "the" },
  { term: "a person" },
  { term: "a" , limit: 200 },
  { term: "1", limit: 50 },
  { term: "19th century", limit: 30, facets },
  { term: "e", where: { pos: { eq: "adv" } }, limit: 20 },
  { term: "of", facets },
  { term: "the", where: { pos: { eq: "verb" } }, facets },
  { term: "the act", where: { n: { gte: 2 } }, facets, limit: 25, offset: 5 },
  { term: "water", limit: 100 },
  { term: "wat", properties: ["title"], limit: 100 },
  { term: "s", offset: 300, limit: 40 },
  { term: "anmal", tolerance: 2, limit: 30 },
  { term: "of", boost: { title: 3 }, offset: 20, limit: 20 },
  { term: "person", threshold: 0 },
  { term: "move quickly", where: { pos: { eq: "verb" } } },
  { term: "zebra" },
  { term: "qqqqqq", facets },
  { term: "the", relevance: { k: 1.5, b: 0.5 }, limit: 15 } as SearchParamsInput,
  { term: "the", facets: { title: { limit: 5 }, body: { sort: "asc", offset: 1, limit: 4 } } },
  { term: "a", limit: 100000 },
];

function same(db: AnyOrama, q: SearchParamsInput) {
  const slow = comparable(runSearch(db, q, { fast: false }));
  const fast = comparable(runSearch(db, q));
  expect(fast, JSON.stringify(q)).toEqual(slow);
  // toEqual ignores key order; Orama's facet values have a meaningful one.
  expect(JSON.stringify(fast), JSON.stringify(q)).toBe(JSON.stringify(slow));
}

describe("fast full-text search", () => {
  let wn: AnyOrama;
  let all: AnyOrama;
  beforeAll(async () => {
    patchOrama();
    wn = await inProcessDb(WORDNET_SCHEMA, loadWordnet(4000));
    all = await inProcessDb(ALL_TYPES_SCHEMA, allTypesDocs(300));
  });

  it("covers the common query shapes", () => {
    for (const q of WORDNET_QUERIES.slice(0, 19)) expect(fastSearch(wn, q), JSON.stringify(q)).not.toBeNull();
  });

  it("gives Orama's results on wordnet (common terms, filters, facets, paging, boost, tolerance)", () => {
    // Twice: the second run reads the cached BM25 values.
    for (let r = 0; r < 2; r++) for (const q of WORDNET_QUERIES) same(wn, q);
    expect(runSearch(wn, { term: "the" }).count).toBeGreaterThan(1000);
  });

  it("gives Orama's results on a decoded artifact, scoring from the tf column without building Orama's frequency objects", () => {
    const decoded = decodeArtifact(encodeDb(WORDNET_SCHEMA, wn));
    const frequencies = (decoded.data.index as unknown as { frequencies: object }).frequencies;
    expect(warmFastSearch(decoded).sort()).toEqual(["body", "title"]);
    const fast = WORDNET_QUERIES.map((q) => comparable(runSearch(decoded, q)));
    expect(Object.getOwnPropertyDescriptor(frequencies, "body")?.get).toBeTypeOf("function");
    for (let i = 0; i < WORDNET_QUERIES.length; i++) {
      expect(fast[i], JSON.stringify(WORDNET_QUERIES[i])).toEqual(comparable(runSearch(wn, WORDNET_QUERIES[i], { fast: false })));
      expect(JSON.stringify(fast[i])).toBe(JSON.stringify(comparable(runSearch(decoded, WORDNET_QUERIES[i], { fast: false }))));
    }
    // Orama's own path built them on first use.
    expect(Object.getOwnPropertyDescriptor(frequencies, "body")?.value).toBeTypeOf("object");
  });

  it("gives Orama's results on every property type", () => {
    const qs: SearchParamsInput[] = [
      { term: "red phone", facets: { category: {}, inStock: {}, price: { ranges: [{ from: 0, to: 50 }, { from: 50, to: 100 }] } } },
      { term: "corp", properties: ["meta.brand"], limit: 50 },
      { term: "fan", where: { inStock: true, price: { lt: 60 } }, facets: { colors: {}, tags: {} } },
      { term: "c", boost: { title: 2, tags: 0.5 }, limit: 300 },
    ];
    for (const q of qs) same(all, q);
  });

  it("declines what it does not cover, so Orama answers (or throws)", () => {
    const declined: SearchParamsInput[] = [
      { term: "the", exact: true },
      { term: "the act", threshold: 0.5 },
      { term: "the", sortBy: { property: "n", order: "DESC" } },
      { term: "the", distinctOn: "pos" },
      { term: "the", groupBy: { properties: ["pos"] } },
      { term: "" },
      { term: "the", properties: ["nope"] },
    ];
    for (const q of declined) expect(fastSearch(wn, q), JSON.stringify(q)).toBeNull();
    expect(() => runSearch(wn, { term: "the", properties: ["nope"] })).toThrow();
  });
});
