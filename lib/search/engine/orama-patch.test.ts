// The Set-based findAllWords must not change a single hit: same ids, scores, order and counts as
// Orama's own method, on a wordnet sample, for prefix, exact, typo-tolerant and filtered queries.
import { beforeAll, describe, expect, it } from "vitest";
import { create, insertMultiple, save, type AnyOrama } from "@orama/orama";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import type { SearchParamsInput } from "../../contracts/search";
import { createEngineDb } from "./artifact";
import { allTypesDocs, ALL_TYPES_SCHEMA, comparable, inProcessDb } from "./fixtures";
import { isOramaPatched, patchOrama, unpatchOrama } from "./orama-patch";
import { runSearch } from "./run-search";

const QUERIES: SearchParamsInput[] = [
  { term: "the" },
  { term: "a person" },
  { term: "a person", threshold: 0 },
  { term: "a person", threshold: 0.5, limit: 50 },
  { term: "water", limit: 100 },
  { term: "wat", properties: ["title"], limit: 100 },
  { term: "s" },
  { term: "the act", exact: true, limit: 30 },
  { term: "anmal", tolerance: 2, limit: 30 },
  { term: "the", where: { pos: { eq: "verb" } }, facets: { pos: {}, n: { ranges: [{ from: 1, to: 2 }, { from: 2, to: 10 }] } } },
  { term: "of", boost: { title: 3 }, offset: 20, limit: 20 },
];

describe("Orama findAllWords patch", () => {
  let db: AnyOrama;
  beforeAll(async () => {
    db = await inProcessDb(WORDNET_SCHEMA, loadWordnet(3000));
  });

  it("gives the same results as unpatched Orama", () => {
    unpatchOrama();
    expect(isOramaPatched()).toBe(false);
    const before = QUERIES.map((q) => comparable(runSearch(db, q)));
    patchOrama();
    expect(isOramaPatched()).toBe(true);
    const after = QUERIES.map((q) => comparable(runSearch(db, q)));
    for (let i = 0; i < QUERIES.length; i++) expect(after[i], JSON.stringify(QUERIES[i])).toEqual(before[i]);
    expect((before[0] as { count: number }).count).toBeGreaterThan(500);
  });

  it("is idempotent", () => {
    patchOrama();
    patchOrama();
    expect(isOramaPatched()).toBe(true);
  });
});

// The build-side patches (engine tokenizer with its token cut, linear tf counting) must index exactly
// what plain Orama indexes for ordinary documents: same frequencies, occurrences, field lengths, trees,
// and so the same hits, scores and order, through Orama's own search and the fast path.
describe("engine tokenizer and index component", () => {
  const plainDb = async (schema: object, docs: object[]) => {
    const db = create({ schema: schema as never }) as AnyOrama;
    await insertMultiple(db, docs as never, 1000);
    return db;
  };
  const engineDb = async (schema: object, docs: object[]) => {
    const db = createEngineDb(schema as never);
    await insertMultiple(db, docs as never, 1000);
    return db;
  };
  const indexData = (db: AnyOrama) => JSON.parse(JSON.stringify((save(db) as { index: unknown }).index));

  it("index what plain Orama indexes and answer the same (wordnet and every property type)", async () => {
    patchOrama();
    // Repeated words in a value exercise tf counting (allowDuplicates is off, but tf must not depend on it).
    const docs = loadWordnet(3000).map((d, i) => (i % 7 ? d : { ...d, body: `${d.body} ${d.body}` }));
    const [plain, engine] = [await plainDb(WORDNET_SCHEMA, docs), await engineDb(WORDNET_SCHEMA, docs)];
    expect(indexData(engine)).toEqual(indexData(plain));
    for (const q of QUERIES) {
      for (const fast of [true, false]) {
        expect(comparable(runSearch(engine, q, { fast })), JSON.stringify(q)).toEqual(comparable(runSearch(plain, q, { fast })));
      }
    }
    const all = allTypesDocs(300);
    const [p2, e2] = [await plainDb(ALL_TYPES_SCHEMA, all), await engineDb(ALL_TYPES_SCHEMA, all)];
    expect(indexData(e2)).toEqual(indexData(p2));
    for (const q of [{ term: "red" }, { term: "corp", properties: ["meta.brand"] }, { term: "ph", where: { tags: "case" } }] as SearchParamsInput[]) {
      expect(comparable(runSearch(e2, q))).toEqual(comparable(runSearch(p2, q)));
    }
  });
});
