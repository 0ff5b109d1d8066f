// The schema-aware search checks: each reported 500 and each silently ignored parameter is refused by
// name, what Orama handles well passes, and (property-based) whatever passes runs in Orama without a throw.
import { afterAll, describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import type { AnyOrama } from "@orama/orama";
import { searchParams } from "../contracts/search";
import { ALL_TYPES_SCHEMA, allTypesDocs, inProcessDb } from "./engine/fixtures";
import { runSearch } from "./engine/run-search";
import type { OramaSchema } from "./engine/types";
import { analyseSchema, describeIssues, issuesFromZod, searchParamIssues, type SearchIssue, type ValidateOptions } from "./validate-params";

const schema = analyseSchema(ALL_TYPES_SCHEMA);

/** What the API does with a body: the contract's shape checks, then the schema checks. */
function check(body: unknown, s = schema, opts: ValidateOptions = {}): SearchIssue[] {
  const parsed = searchParams.safeParse(body);
  if (!parsed.success) return issuesFromZod(parsed.error);
  return searchParamIssues(s, parsed.data, opts);
}

const first = (body: unknown, opts?: ValidateOptions) => check(body, schema, opts)[0];

describe("the reported cases", () => {
  it("a number facet without ranges (Orama: TypeError reading ranges.length)", () => {
    expect(first({ term: "", facets: { price: {} } })).toMatchObject({ parameter: "facets", property: "price", code: "facet_ranges_required", path: "facets.price.ranges" });
  });
  it("a facet on an unknown property (Orama: TypeError reading toString)", () => {
    expect(first({ term: "apple", facets: { nope: {} } })).toMatchObject({ parameter: "facets", property: "nope", code: "unknown_property" });
  });
  it("gt on an enum (Orama: plain Error 'Invalid operation')", () => {
    const issue = first({ term: "apple", where: { category: { gt: 1 } } });
    expect(issue).toMatchObject({ parameter: "where", property: "category", code: "unsupported_operator", path: "where.category" });
    expect(issue.message).toContain("eq, in, nin");
  });
  it("distinctOn and boost on unknown properties (Orama: silently ignored, distinctOn returned no hits)", () => {
    expect(first({ term: "red", distinctOn: "nope" })).toMatchObject({ parameter: "distinctOn", property: "nope", code: "unknown_property" });
    expect(first({ term: "red", boost: { nope: 2 } })).toMatchObject({ parameter: "boost", property: "nope", code: "unknown_property" });
  });
});

describe("each parameter against the schema", () => {
  const refused: [string, unknown, Partial<SearchIssue>][] = [
    ["properties: a number", { term: "x", properties: ["price"] }, { parameter: "properties", property: "price", code: "unsupported_property_type" }],
    ["properties: unknown", { term: "x", properties: ["nope"] }, { parameter: "properties", property: "nope", code: "unknown_property" }],
    ["properties: a nested object", { term: "x", properties: ["meta"] }, { parameter: "properties", property: "meta", code: "unknown_property" }],
    ["boost: an enum", { term: "x", boost: { category: 2 } }, { parameter: "boost", property: "category", code: "unsupported_property_type" }],
    ["sortBy: an enum", { term: "x", sortBy: { property: "category" } }, { parameter: "sortBy", property: "category", code: "unsupported_property_type" }],
    ["sortBy: an array", { term: "x", sortBy: { property: "tags" } }, { parameter: "sortBy", property: "tags" }],
    ["sortBy: unknown", { term: "x", sortBy: { property: "nope", order: "DESC" } }, { parameter: "sortBy", property: "nope", code: "unknown_property" }],
    ["sortBy: a bad order", { term: "x", sortBy: { property: "price", order: "down" } }, { parameter: "sortBy", path: "sortBy.order" }],
    ["groupBy: an enum", { term: "x", groupBy: { properties: ["category"] } }, { parameter: "groupBy", property: "category" }],
    ["groupBy: unknown", { term: "x", groupBy: { properties: ["price", "nope"] } }, { parameter: "groupBy", property: "nope", path: "groupBy.properties.1" }],
    ["distinctOn: an array", { term: "x", distinctOn: "tags" }, { parameter: "distinctOn", property: "tags" }],
    ["facets: a geopoint", { term: "x", facets: { location: {} } }, { parameter: "facets", property: "location", code: "unsupported_property_type" }],
    ["facets: a vector", { term: "x", facets: { embedding: {} } }, { parameter: "facets", property: "embedding" }],
    ["facets: number[] without ranges", { term: "x", facets: { ratings: {} } }, { property: "ratings", code: "facet_ranges_required" }],
    ["facets: empty ranges", { term: "x", facets: { price: { ranges: [] } } }, { property: "price", code: "facet_ranges_required" }],
    ["facets: from > to", { term: "x", facets: { price: { ranges: [{ from: 5, to: 1 }] } } }, { property: "price", code: "invalid_range" }],
    ["facets: ranges on an enum", { term: "x", facets: { category: { ranges: [{ from: 0, to: 1 }] } } }, { property: "category", code: "unsupported_facet_option" }],
    ["facets: limit on a number", { term: "x", facets: { price: { limit: 3, ranges: [{ from: 0, to: 1 }] } } }, { property: "price", code: "unsupported_facet_option" }],
    ["facets: an unknown option", { term: "x", facets: { category: { size: 3 } } }, { parameter: "facets", property: "category" }],
    ["where: unknown property", { term: "x", where: { nope: "a" } }, { parameter: "where", property: "nope", code: "unknown_property" }],
    ["where: a nested object by its name", { term: "x", where: { meta: { year: { gt: 1 } } } }, { parameter: "where", property: "meta", code: "unknown_property" }],
    ["where: a vector", { term: "x", where: { embedding: { eq: 1 } } }, { property: "embedding", code: "unsupported_property_type" }],
    ["where: eq on a string (Orama: silently no match)", { term: "x", where: { title: { eq: "red" } } }, { property: "title", code: "unsupported_operator" }],
    ["where: a number for a string", { term: "x", where: { title: 5 } }, { property: "title", code: "invalid_filter" }],
    ["where: an empty list of terms", { term: "x", where: { tags: [] } }, { property: "tags" }],
    ["where: a string for a boolean (Orama: truthy)", { term: "x", where: { inStock: "no" } }, { property: "inStock", code: "invalid_filter" }],
    ["where: between with one bound (Orama: TypeError)", { term: "x", where: { price: { between: 3 } } }, { property: "price", code: "invalid_filter" }],
    ["where: between min > max", { term: "x", where: { price: { between: [9, 1] } } }, { property: "price" }],
    ["where: gt with a string (Orama: silently nothing)", { term: "x", where: { price: { gt: "a" } } }, { property: "price" }],
    ["where: eq null", { term: "x", where: { "meta.year": { eq: null } } }, { property: "meta.year" }],
    ["where: two operators in one condition", { term: "x", where: { price: { gt: 1, lt: 9 } } }, { property: "price" }],
    ["where: a bare number on a number", { term: "x", where: { price: 5 } }, { property: "price" }],
    ["where: in with a string", { term: "x", where: { category: { in: "audio" } } }, { property: "category" }],
    ["where: eq with a list", { term: "x", where: { category: { eq: ["audio"] } } }, { property: "category" }],
    ["where: eq on enum[] (Orama: Error)", { term: "x", where: { colors: { eq: "red" } } }, { property: "colors", code: "unsupported_operator" }],
    ["where: containsAll on an enum", { term: "x", where: { category: { containsAll: ["a"] } } }, { property: "category", code: "unsupported_operator" }],
    ["where: eq on a geopoint (Orama: Error)", { term: "x", where: { location: { eq: 1 } } }, { property: "location", code: "unsupported_operator" }],
    ["where: radius without coordinates (Orama: TypeError)", { term: "x", where: { location: { radius: {} } } }, { property: "location" }],
    ["where: radius with a bad unit", { term: "x", where: { location: { radius: { coordinates: { lat: 1, lon: 2 }, value: 5, unit: "parsec" } } } }, { property: "location" }],
    ["where: radius value not a number", { term: "x", where: { location: { radius: { coordinates: { lat: 1, lon: 2 }, value: "x" } } } }, { property: "location" }],
    ["where: a polygon of two points", { term: "x", where: { location: { polygon: { coordinates: [{ lat: 1, lon: 2 }, { lat: 2, lon: 2 }] } } } }, { property: "location" }],
    ["where: latitude out of range", { term: "x", where: { location: { radius: { coordinates: { lat: 91, lon: 2 }, value: 1 } } } }, { property: "location" }],
    ["where: and is not a list", { term: "x", where: { and: 5 } }, { parameter: "where", path: "where.and" }],
    ["where: an empty or", { term: "x", where: { or: [] } }, { parameter: "where", path: "where.or" }],
    ["where: not of a number (Orama: TypeError)", { term: "x", where: { not: 5 } }, { parameter: "where", path: "where.not" }],
    ["where: and beside a property (Orama ignores the property)", { term: "x", where: { and: [{ price: { gt: 1 } }], category: { eq: "x" } } }, { code: "mixed_filter" }],
    ["where: a bad condition deep in and/or/not", { term: "x", where: { or: [{ price: { gt: 1 } }, { not: { and: [{ category: { gt: 2 } }] } }] } }, { property: "category", path: "where.or.1.not.and.0.category" }],
    ["mode vector without a vector", { mode: "vector" }, { parameter: "vector", code: "vector_required" }],
    ["mode hybrid without a vector", { mode: "hybrid", term: "x" }, { parameter: "vector", code: "vector_required" }],
    ["vector of the wrong length", { mode: "vector", vector: { value: [1, 2], property: "embedding" } }, { parameter: "vector", property: "embedding", code: "vector_dimension_mismatch" }],
    ["vector on a string property", { mode: "vector", vector: { value: [1, 2, 3], property: "title" } }, { parameter: "vector", property: "title" }],
    ["vector in fulltext mode", { term: "x", vector: { value: [1, 2, 3], property: "embedding" } }, { parameter: "vector", code: "unused_in_mode" }],
    ["similarity in fulltext mode", { term: "x", similarity: 0.5 }, { parameter: "similarity" }],
    ["sortBy in vector mode (Orama ignores it)", { mode: "vector", vector: { value: [1, 2, 3], property: "embedding" }, sortBy: { property: "price" } }, { parameter: "sortBy", code: "unused_in_mode" }],
    ["distinctOn in hybrid mode (Orama ignores it)", { mode: "hybrid", term: "x", vector: { value: [1, 2, 3], property: "embedding" }, distinctOn: "category" }, { parameter: "distinctOn" }],
    ["boost in vector mode", { mode: "vector", vector: { value: [1, 2, 3], property: "embedding" }, boost: { title: 2 } }, { parameter: "boost" }],
    ["hybridWeights in vector mode", { mode: "vector", vector: { value: [1, 2, 3], property: "embedding" }, hybridWeights: { text: 0.5, vector: 0.5 } }, { parameter: "hybridWeights" }],
    ["a zero hybrid weight (Orama falls back to 0.5/0.5)", { mode: "hybrid", term: "x", vector: { value: [1, 2, 3], property: "embedding" }, hybridWeights: { text: 1, vector: 0 } }, { parameter: "hybridWeights", code: "invalid_weights" }],
    ["limit above 1000", { term: "x", limit: 5000 }, { parameter: "limit", path: "limit" }],
    ["a negative offset", { term: "x", offset: -1 }, { parameter: "offset" }],
    ["threshold above 1", { term: "x", threshold: 2 }, { parameter: "threshold" }],
    ["tolerance above 3", { term: "x", tolerance: 9 }, { parameter: "tolerance" }],
    ["a boost of 0", { term: "x", boost: { title: 0 } }, { parameter: "boost", property: "title" }],
    ["an unknown parameter", { term: "x", nonsense: 1 }, { parameter: "nonsense", path: "(root)" }],
  ];
  it.each(refused)("refuses %s", (_name, body, expected) => {
    const issues = check(body);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject(expected);
    expect(issues[0].message.length).toBeGreaterThan(10);
  });

  const accepted: [string, unknown][] = [
    ["a plain term", { term: "red phone" }],
    ["nothing at all", {}],
    ["string facets with limit/sort, the playground's enum facets with limit, boolean facets with true/false", { term: "red", facets: { title: { limit: 3, sort: "asc" }, category: { limit: 20 }, colors: { limit: 20 }, tags: {}, inStock: { true: true, false: true } } }],
    ["number facets with ranges, nested too", { term: "", facets: { price: { ranges: [{ from: 0, to: 50 }] }, "meta.year": { ranges: [{ from: 2000, to: 2010 }] } } }],
    ["every filter type", { term: "red", where: { title: "red", tags: ["red", "blue"], price: { between: [1, 90] }, ratings: { gte: 2 }, inStock: true, flags: false, category: { in: ["audio", "video"] }, colors: { containsAny: ["red"] }, "meta.origin.country": { nin: ["DE"] }, "meta.year": { lt: 2020 } } }],
    ["geo radius and polygon", { where: { or: [{ location: { radius: { coordinates: { lat: 45, lon: 10 }, value: 100, unit: "km", inside: true } } }, { location: { polygon: { coordinates: [{ lat: 40, lon: 0 }, { lat: 50, lon: 0 }, { lat: 50, lon: 20 }] } } }] } }],
    ["and/or/not nested", { term: "red", where: { and: [{ price: { gt: 1 } }, { not: { category: { eq: "audio" } } }, { or: [{ inStock: true }, { "meta.year": { eq: 2001 } }] }] } }],
    ["sortBy, groupBy, distinctOn, boost, properties on the right types", { term: "red", sortBy: { property: "meta.year", order: "DESC" }, groupBy: { properties: ["inStock", "meta.brand"] }, distinctOn: "category", boost: { title: 2, tags: 0.5 }, properties: ["title", "tags", "meta.brand"] }],
    ["vector search", { mode: "vector", vector: { value: [0.1, 0.2, 0.3], property: "embedding" }, similarity: 0.1, facets: { category: {} }, where: { price: { gt: 1 } } }],
    ["hybrid search with weights", { mode: "hybrid", term: "red", vector: { value: [0.1, 0.2, 0.3], property: "embedding" }, hybridWeights: { text: 0.3, vector: 0.7 } }],
  ];
  it.each(accepted)("accepts %s", (_name, body) => {
    expect(check(body)).toEqual([]);
  });

  it("lets the index's embeddings fill the vector from the term, and says when they are not deployed", () => {
    expect(check({ mode: "hybrid", term: "red" }, schema, { autoEmbed: "embedding" })).toEqual([]);
    expect(first({ mode: "vector" }, { autoEmbed: "embedding" })).toMatchObject({ parameter: "term", code: "term_required" });
    expect(first({ mode: "vector", term: "x" }, { autoEmbed: "vectors" })).toMatchObject({ code: "embeddings_not_deployed" });
  });

  it("bounds where's nesting and size", () => {
    let deep: unknown = { price: { gt: 1 } };
    for (let i = 0; i < 20; i++) deep = { not: deep };
    expect(first({ where: deep })).toMatchObject({ parameter: "where", code: "filter_too_deep" });
    const wide = { or: Array.from({ length: 300 }, (_, i) => ({ price: { eq: i } })) };
    expect(check({ where: wide }).map((i) => i.code)).toContain("too_many_filters");
  });

  it("reports every problem (up to 20) and says the first in the message", () => {
    const issues = check({ term: "x", facets: { nope: {}, price: {} }, distinctOn: "zzz" });
    expect(issues.map((i) => i.property).sort()).toEqual(["nope", "price", "zzz"]);
    expect(describeIssues(issues)).toMatch(/^Invalid search: .+\(and 2 more problems in details\)$/);
    const many = check({ term: "x", boost: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, 1])) });
    expect(many).toHaveLength(20);
  });
});

describe("what Orama does with what passes", () => {
  let db: AnyOrama;
  it("counts array facets over documents that lack the property (Orama alone: TypeError) and leaves their documents as they are", async () => {
    const sparse = await inProcessDb({ title: "string", tags: "string[]", n: "number[]", meta: { flags: "boolean[]" }, ok: "boolean" }, [
      { id: "1", title: "red", ok: true },
      { id: "2", title: "red", tags: ["a", "b"], n: [1, 5], meta: { flags: [true] }, ok: true },
      { id: "3", title: "red", tags: ["a"], ok: false },
    ] as never);
    const r = runSearch(sparse, { term: "red", facets: { tags: {}, n: { ranges: [{ from: 0, to: 2 }] }, "meta.flags": {} }, groupBy: { properties: ["ok"] } } as never, { fast: false });
    expect(r.facets).toEqual({ tags: { count: 2, values: { a: 2, b: 1 } }, n: { count: 1, values: { "0-2": 1 } }, "meta.flags": { count: 1, values: { true: 1 } } });
    const grouped = r.groups!.flatMap((g) => g.result.map((h) => h.document));
    expect(grouped.find((d) => d.id === "1")).toEqual({ id: "1", title: "red", ok: true });
    expect(JSON.stringify(grouped.find((d) => d.id === "3"))).toBe(JSON.stringify({ id: "3", title: "red", tags: ["a"], ok: false }));
  });

  it("the reported cases threw or misled before the checks (so the checks are what turns them into 400s)", async () => {
    db = await inProcessDb(ALL_TYPES_SCHEMA, allTypesDocs(50));
    expect(() => runSearch(db, { term: "", facets: { price: {} } } as never, { fast: false })).toThrow();
    expect(() => runSearch(db, { term: "red", where: { category: { gt: 1 } } } as never, { fast: false })).toThrow();
    const distinct = runSearch(db, { term: "red", distinctOn: "nope" } as never, { fast: false });
    expect(distinct.hits).toEqual([]);
    expect(distinct.count).toBeGreaterThan(0);
  });
});

// ---- property-based: random schemas, random bodies ------------------------------------------------

const SCALARS = ["string", "number", "boolean", "enum", "geopoint", "string[]", "number[]", "boolean[]", "enum[]"] as const;
const WORDS = ["red", "blue", "fast", "cable", "fan"];

const schemaArb: fc.Arbitrary<OramaSchema> = fc
  .uniqueArray(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.constantFrom(...SCALARS, "vector[2]", "nested")), { minLength: 1, maxLength: 6, selector: ([k]) => k })
  .map((entries) => Object.fromEntries(entries.map(([k, t]) => [k, t === "nested" ? { x: "number", y: "enum" } : t])) as OramaSchema);

/** A value of an Orama type. */
function valueOf(type: string, r: () => number): unknown {
  const word = () => WORDS[Math.floor(r() * WORDS.length)];
  switch (type) {
    case "string": return `${word()} ${word()}`;
    case "number": return Math.round(r() * 100);
    case "boolean": return r() > 0.5;
    case "enum": return word();
    case "geopoint": return { lat: r() * 10, lon: r() * 10 };
    case "string[]": return [word(), word()];
    case "number[]": return [Math.round(r() * 10)];
    case "boolean[]": return [r() > 0.5];
    case "enum[]": return [word()];
    default: return [r(), r()]; // vector[2]
  }
}

function docsFor(schema: OramaSchema, n: number) {
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  // About one value in five is left out: documents need not carry every property of the schema.
  const fill = (s: OramaSchema): Record<string, unknown> =>
    Object.fromEntries(Object.entries(s).filter(() => r() > 0.2).map(([k, t]) => [k, typeof t === "string" ? valueOf(t, r) : fill(t)]));
  return Array.from({ length: n }, (_, i) => ({ id: String(i), ...fill(schema) }));
}

const anyValue = fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: -5, max: 120 }), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 50 })), { maxLength: 3 }), fc.constant({}));
const point = fc.record({ lat: fc.double({ min: -95, max: 95, noNaN: true }), lon: fc.double({ min: -185, max: 185, noNaN: true }) });
/** Any condition, mostly wrong for the property it lands on. */
const noise = fc.oneof(
  anyValue,
  fc.record({ op: fc.constantFrom("eq", "gt", "gte", "lt", "lte", "in", "nin", "containsAll", "containsAny", "between", "nope"), v: anyValue }).map(({ op, v }) => ({ [op]: v })),
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map((b) => ({ between: b })),
  fc.record({ coordinates: point, value: fc.oneof(fc.integer({ min: -1, max: 5000 }), fc.constant("x")), unit: fc.constantFrom("m", "km", "parsec") }, { requiredKeys: ["coordinates", "value"] }).map((radius) => ({ radius })),
  fc.array(point, { minLength: 0, maxLength: 5 }).map((coordinates) => ({ polygon: { coordinates } })),
);
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 3 });
const num = fc.integer({ min: -5, max: 120 });
/** A condition Orama understands for this type. */
function conditionFor(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
    case "string[]": return fc.oneof(word, words);
    case "number":
    case "number[]": return fc.oneof(fc.constantFrom("eq", "gt", "gte", "lt", "lte").chain((op) => num.map((v) => ({ [op]: v }))), fc.tuple(num, num).map(([a, b]) => ({ between: [Math.min(a, b), Math.max(a, b)] })));
    case "boolean":
    case "boolean[]": return fc.boolean();
    case "enum": return fc.oneof(word.map((eq) => ({ eq })), words.map((v) => ({ in: v })), words.map((v) => ({ nin: v })));
    case "enum[]": return fc.oneof(words.map((v) => ({ containsAll: v })), words.map((v) => ({ containsAny: v })));
    case "geopoint": {
      const p = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
      return fc.oneof(
        fc.record({ coordinates: p, value: fc.integer({ min: 0, max: 2_000_000 }), unit: fc.constantFrom("m", "km", "mi") }).map((radius) => ({ radius })),
        fc.array(p, { minLength: 3, maxLength: 5 }).map((coordinates) => ({ polygon: { coordinates, inside: true } })),
      );
    }
    default: return noise;
  }
}
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });

function bodyArb(types: [string, string][]) {
  const names = types.map(([p]) => p);
  const anyProp = fc.constantFrom(...names, "nope", "n.x");
  const propOf = (ok: (t: string) => boolean) => {
    const fit = types.filter(([, t]) => ok(t)).map(([p]) => p);
    return fit.length ? mostly(fc.constantFrom(...fit), anyProp) : anyProp;
  };
  const typed = fc.constantFrom(...types).chain(([p, t]) => fc.tuple(fc.constant(p), mostly(conditionFor(t), noise)));
  const leaf = fc.array(mostly(typed, fc.tuple(anyProp, noise)), { minLength: 1, maxLength: 2 }).map((e) => Object.fromEntries(e));
  const where = fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }).map((and) => ({ and })) }, { weight: 1, arbitrary: leaf.map((not) => ({ not })) }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 2 }).map((or) => ({ or })) });
  const facetFor = ([p, t]: [string, string]) =>
    fc.tuple(
      fc.constant(p),
      t.startsWith("number")
        ? fc.array(fc.tuple(num, num).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })), { minLength: 1, maxLength: 3 }).map((ranges) => ({ ranges }))
        : t.startsWith("boolean")
          ? fc.record({ true: fc.boolean(), false: fc.boolean() }, { requiredKeys: [] })
          : fc.record({ limit: fc.integer({ min: 1, max: 5 }), sort: fc.constantFrom("asc", "DESC") }, { requiredKeys: [] }),
    );
  const facetable = types.filter(([, t]) => t !== "geopoint" && !t.startsWith("vector"));
  const facetArb = facetable.length ? mostly(fc.constantFrom(...facetable).chain(facetFor), fc.tuple(anyProp, fc.constant({}))) : fc.tuple(anyProp, fc.constant({}));
  const vectorProps = types.filter(([, t]) => t.startsWith("vector")).map(([p]) => p);
  const vector = mostly(
    vectorProps.length ? fc.record({ value: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), property: fc.constantFrom(...vectorProps) }) : fc.constant(undefined),
    fc.record({ value: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), property: anyProp }),
  );
  const scalar = (t: string) => ["string", "number", "boolean"].includes(t);
  return fc
    .record({
      term: fc.constantFrom(undefined, "", "red", "blue fan", "cab"),
      mode: fc.constantFrom("fulltext", "fulltext", "fulltext", "vector", "hybrid"),
      vector,
      properties: sometimes(fc.oneof(fc.constant("*"), fc.array(propOf((t) => t.startsWith("string")), { minLength: 1, maxLength: 2 }))),
      where: sometimes(where),
      facets: sometimes(fc.array(facetArb, { minLength: 1, maxLength: 2 }).map((e) => Object.fromEntries(e))),
      sortBy: sometimes(fc.record({ property: propOf(scalar), order: fc.constantFrom("ASC", "DESC") })),
      groupBy: sometimes(fc.record({ properties: fc.array(propOf(scalar), { minLength: 1, maxLength: 2 }) })),
      distinctOn: sometimes(propOf((t) => scalar(t) || t === "enum")),
      boost: sometimes(fc.array(fc.tuple(propOf((t) => t.startsWith("string")), fc.double({ min: 0.1, max: 5, noNaN: true })), { maxLength: 2 }).map((e) => Object.fromEntries(e))),
      threshold: sometimes(fc.constantFrom(0, 0.5, 1)),
      tolerance: sometimes(fc.integer({ min: 0, max: 2 })),
      hybridWeights: sometimes(fc.record({ text: fc.constantFrom(0, 0.4, 1), vector: fc.constantFrom(0, 0.6) })),
      limit: sometimes(fc.integer({ min: 1, max: 20 })),
      offset: sometimes(fc.integer({ min: 0, max: 5 })),
    })
    .map((b) => {
      const out = Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
      if (out.mode === "fulltext") delete out.vector; // otherwise nearly every fulltext body is refused for it
      return out;
    });
}

// The generator leans towards valid bodies: make sure enough of them reach Orama to mean something.
const runs = { all: 0, accepted: 0 };
afterAll(() => {
  if (runs.all > 0) expect(runs.accepted / runs.all).toBeGreaterThan(0.1);
});
const dbs = new Map<string, Promise<AnyOrama>>();
const dbFor = (s: OramaSchema) => {
  const key = JSON.stringify(s);
  if (!dbs.has(key)) dbs.set(key, inProcessDb(s, docsFor(s, 12) as never));
  return dbs.get(key)!;
};

describe("property-based", () => {
  test.prop(
    [schemaArb.chain((s) => fc.tuple(fc.constant(s), bodyArb([...analyseSchema(s).types])))],
    { numRuns: 400 },
  )("a body either is refused with named issues, or runs in Orama (both paths) without a throw", async ([s, body]) => {
    runs.all++;
    const issues = check(body, analyseSchema(s));
    if (issues.length > 0) {
      for (const i of issues) {
        expect(typeof i.parameter).toBe("string");
        expect(i.message.length).toBeGreaterThan(0);
      }
      return;
    }
    runs.accepted++;
    const db = await dbFor(s);
    const parsed = searchParams.parse(body);
    const orama = runSearch(db, parsed, { fast: false });
    const fast = runSearch(db, parsed);
    expect(fast.count).toBe(orama.count);
  });
});
