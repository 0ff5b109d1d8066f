// The Set-based findAllWords must not change a single hit: same ids, scores, order and counts as
// Orama's own method, on a wordnet sample, for prefix, exact, typo-tolerant and filtered queries.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyOrama } from "@orama/orama";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import type { SearchParamsInput } from "../../contracts/search";
import { comparable, inProcessDb } from "./fixtures";
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
