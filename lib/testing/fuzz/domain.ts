// Arbitraries for the bodies zod cannot describe (the raw routes): search parameters over random
// property names and operators, documents for notify/snapshot, Orama schemas.
import { fc } from "@fast-check/vitest";
import { flattenSchema, type OramaSchema } from "../../contracts/orama-schema";
import { hugeString, oddString, randomJson } from "./values";

/** The schema of the suite's main index: one property of every type. */
export const FUZZ_SCHEMA: OramaSchema = {
  title: "string",
  body: "string",
  year: "number",
  inStock: "boolean",
  genre: "enum",
  tags: "string[]",
  scores: "number[]",
  meta: { rating: "number", author: "string" },
  loc: "geopoint",
  emb: "vector[3]",
};
export const FUZZ_PROPS = flattenSchema(FUZZ_SCHEMA);

/** Property names: real ones most of the time, unknown and odd ones often. */
export const propertyName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(FUZZ_PROPS)) },
  { weight: 1, arbitrary: fc.constantFrom("nope", "meta", "meta.nope", "id", "", "title.x", "TITLE", "__proto__", "constructor", "hasOwnProperty", "toString") },
  { weight: 1, arbitrary: oddString },
);

const OPERATORS = ["eq", "gt", "gte", "lt", "lte", "between", "in", "nin", "containsAll", "containsAny", "radius", "polygon", "nope", "$eq", "and"];

/** A valid value most of the time, an invalid one now and then: one bad field per body, not five, so most bodies get past the parser to the engine. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 3000 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const operand = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.record({ coordinates: fc.oneof(fc.record({ lat: fc.double({ min: -100, max: 100, noNaN: true }), lon: fc.double({ min: -200, max: 200, noNaN: true }) }), randomJson(1)), value: fc.integer({ min: -1, max: 1e6 }), unit: fc.constantFrom("m", "km", "mi", "nope"), inside: fc.boolean() }, { requiredKeys: [] }),
  fc.record({ coordinates: fc.array(fc.record({ lat: fc.double({ noNaN: true }), lon: fc.double({ noNaN: true }) }), { maxLength: 4 }) }),
  randomJson(2),
);
const condition = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom(...OPERATORS), operand, { minKeys: 1, maxKeys: 2 }));

/** Orama where clauses, and/or/not included. */
export const whereClause: fc.Arbitrary<unknown> = fc.letrec<{ where: Record<string, unknown> }>((tie) => ({
  where: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    fc.dictionary(propertyName, condition, { maxKeys: 3 }),
    fc.record({ and: fc.array(tie("where"), { maxLength: 3 }) }),
    fc.record({ or: fc.array(tie("where"), { maxLength: 3 }) }),
    fc.record({ not: tie("where") }),
  ),
})).where;

const facetParams = fc.record(
  {
    limit: mostly(fc.integer({ min: 1, max: 1000 }), randomJson(0)),
    offset: fc.integer({ min: 0, max: 100 }),
    sort: mostly(fc.constantFrom("asc", "desc", "ASC", "DESC"), fc.constant("sideways")),
    ranges: fc.array(fc.record({ from: fc.integer({ min: -10, max: 3000 }), to: fc.integer({ min: -10, max: 3000 }) }), { maxLength: 4 }),
    true: fc.boolean(),
    false: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Search bodies: every parameter, over random property names and operators, plus junk. */
export const searchBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        term: fc.oneof(fc.constantFrom("", "apple", "the", "a person", "ap*", "é"), oddString, hugeString.map((s) => s.slice(0, 1100))),
        properties: fc.oneof(fc.constant("*"), fc.array(propertyName, { maxLength: 3 })),
        where: whereClause,
        facets: fc.dictionary(propertyName, facetParams, { maxKeys: 3 }),
        sortBy: fc.record({ property: propertyName, order: mostly(fc.constantFrom("ASC", "DESC"), fc.constantFrom("asc", "x")) }, { requiredKeys: ["property"] }),
        limit: mostly(fc.integer({ min: 1, max: 1000 }), fc.oneof(fc.constantFrom(0, 1001), randomJson(0))),
        offset: mostly(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(-1, 1_000_001)),
        tolerance: mostly(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 4)),
        exact: fc.boolean(),
        boost: fc.dictionary(propertyName, mostly(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.integer({ min: -1, max: 0 })), { maxKeys: 3 }),
        threshold: mostly(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-0.5, 1.5)),
        groupBy: fc.record({ properties: fc.array(propertyName, { minLength: 1, maxLength: 3 }), maxResult: mostly(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0, 1001)) }, { requiredKeys: ["properties"] }),
        distinctOn: propertyName,
        mode: mostly(fc.constantFrom("fulltext", "fulltext", "vector", "hybrid"), fc.constant("semantic")),
        vector: fc.record({ value: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 5 }), property: propertyName }),
        similarity: mostly(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-0.5, 1.5)),
        hybridWeights: fc.record({ text: fc.double({ min: 0, max: 1, noNaN: true }), vector: fc.double({ min: 0, max: 1, noNaN: true }) }),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: randomJson(3) },
);

// ---- documents ----

const valueFor: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 30 }), fc.lorem({ maxCount: 8 }), oddString),
  number: fc.oneof(fc.integer({ min: 1900, max: 2030 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  enum: fc.oneof(fc.constantFrom("rock", "jazz", "pop"), fc.integer({ min: 0, max: 3 })),
  "string[]": fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  "number[]": fc.array(fc.integer(), { maxLength: 4 }),
  geopoint: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
  "vector[3]": fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
};

/** A document for the main index: typed values mostly, wrong types, unknown properties and odd ids often. */
export const document: fc.Arbitrary<unknown> = fc
  .record({
    id: fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}$/) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: oddString }, { weight: 1, arbitrary: randomJson(1) }),
    props: fc.record(
      Object.fromEntries(Object.entries(FUZZ_PROPS).filter(([k]) => !k.includes(".")).map(([k, t]) => [k, fc.oneof({ weight: 6, arbitrary: valueFor[t] ?? randomJson(1) }, { weight: 1, arbitrary: randomJson(2) })])),
      { requiredKeys: [] },
    ),
    meta: fc.option(fc.oneof(fc.record({ rating: valueFor.number, author: valueFor.string }, { requiredKeys: [] }), randomJson(2))),
    extra: fc.dictionary(oddString, randomJson(2), { maxKeys: 2 }),
    big: fc.option(fc.constantFrom(20_000, 60_000).map((n) => "word ".repeat(n / 5)), { freq: 10 }),
  })
  .map(({ id, props, meta, extra, big }) => ({ ...extra, ...props, ...(meta === null ? {} : { meta }), ...(big ? { body: big } : {}), id }));

/** notify bodies: upsert/update/remove in any mix, plus junk. */
export const notifyBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ upsert: fc.array(document, { maxLength: 4 }), update: fc.array(document, { maxLength: 3 }), remove: fc.array(fc.oneof(fc.string({ maxLength: 8 }), randomJson(1)), { maxLength: 3 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: randomJson(3) },
);

/** Snapshot bodies: an array of documents (JSON), or the same as NDJSON lines (possibly broken). */
export const snapshotBody: fc.Arbitrary<{ text: string; type: string }> = fc.oneof(
  { weight: 3, arbitrary: fc.array(document, { maxLength: 5 }).map((docs) => ({ text: JSON.stringify(docs), type: "application/json" })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(document, { maxLength: 5 }), fc.constantFrom("\n", "\r\n"), fc.constantFrom("", "\n", "{broken", "[1,2]", "\n\n", "null"))
      .map(([docs, nl, tail]) => ({ text: docs.map((d) => JSON.stringify(d)).join(nl) + tail, type: "application/x-ndjson" })),
  },
  { weight: 1, arbitrary: randomJson(3).map((v) => ({ text: JSON.stringify(v) ?? "", type: "application/json" })) },
);

// ---- schemas ----

const TYPE_NAMES = ["string", "number", "boolean", "enum", "geopoint", "string[]", "number[]", "boolean[]", "enum[]", "vector[3]", "vector[0]", "vector[99999]", "vector", "int", "", "String"];

/** Orama schemas: valid types and names mostly; odd names, unknown types, nesting past the limit often. */
export const oramaSchemaArb: fc.Arbitrary<unknown> = fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
  schema: fc.dictionary(
    fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,10}$/) }, { weight: 1, arbitrary: fc.constantFrom("id", "title", "a.b", "", "__proto__", "x".repeat(70)) }, { weight: 1, arbitrary: oddString }),
    fc.oneof({ depthSize: "small", maxDepth: 7 }, fc.constantFrom(...TYPE_NAMES), fc.constantFrom(...TYPE_NAMES), tie("schema"), randomJson(1)),
    { maxKeys: 5 },
  ),
})).schema;
