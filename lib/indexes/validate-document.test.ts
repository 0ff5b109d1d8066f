import { describe, expect, it } from "vitest";
import { oramaSchema } from "../contracts/orama-schema";
import { documentValidator, normaliseId } from "./validate-document";

const schema = {
  title: "string",
  year: "number",
  live: "boolean",
  genre: "enum",
  where: "geopoint",
  tags: "string[]",
  scores: "number[]",
  flags: "boolean[]",
  kinds: "enum[]",
  embedding: "vector[3]",
  meta: { rating: "number", deep: { note: "string" } },
};
const validate = documentValidator(schema);

describe("documentValidator", () => {
  it("accepts a document that fits, with extra and missing properties", () => {
    expect(
      validate({
        id: "1",
        title: "Alien",
        year: 1979,
        live: true,
        genre: 3,
        where: { lat: 51.5, lon: -0.1 },
        tags: ["a"],
        scores: [1, 2],
        flags: [false],
        kinds: ["x", 2],
        embedding: [0.1, 0.2, 0.3],
        meta: { rating: 8, deep: { note: "n" } },
        notInSchema: { anything: [1, "x"] },
      }),
    ).toEqual([]);
    expect(validate({ id: "2" })).toEqual([]);
    expect(validate({ id: "3", title: null, meta: null })).toEqual([]);
  });

  it.each([
    [{ title: 5 }, "title", "string", "number", "5"],
    [{ year: "1995" }, "year", "number", "string", '"1995"'],
    [{ year: Infinity }, "year", "number", "non-finite number", "Infinity"],
    [{ live: "yes" }, "live", "boolean", "string", '"yes"'],
    [{ genre: {} }, "genre", "enum", "object", "{}"],
    [{ where: { lat: 100, lon: 0 } }, "where", "geopoint { lat: -90..90, lon: -180..180 }", "object", '{"lat":100,"lon":0}'],
    [{ tags: ["a", 1] }, "tags", "string[]", "array", '["a",1]'],
    [{ tags: "a" }, "tags", "string[]", "string", '"a"'],
    [{ embedding: [1, 2] }, "embedding", "vector of 3 numbers", "array", "[1,2]"],
    [{ meta: { rating: "x" } }, "meta.rating", "number", "string", '"x"'],
    [{ meta: 5 }, "meta", "object", "number", "5"],
    [{ meta: { deep: [] } }, "meta.deep", "object", "array", "[]"],
  ])("reports %j at its path, with the value as short JSON", (doc, path, expected, got, value) => {
    expect(validate({ id: "x", ...doc })).toContainEqual({ path, expected, got, value });
  });

  it("cuts a long value's preview at 60 characters", () => {
    const [issue] = validate({ id: "x", year: "y".repeat(200) });
    expect(issue.value).toBe(`"${"y".repeat(58)}…`);
    expect(issue.value).toHaveLength(60);
  });
});

describe("normaliseId", () => {
  it("takes strings and integers, normalised to strings", () => {
    expect(normaliseId("a")).toBe("a");
    expect(normaliseId(42)).toBe("42");
    for (const bad of ["", 1.5, null, undefined, {}, [], "x".repeat(513)]) expect(normaliseId(bad)).toBeNull();
  });
});

describe("oramaSchema", () => {
  it("accepts every documented type and nesting", () => {
    expect(oramaSchema.safeParse(schema).success).toBe(true);
  });

  it("reports each bad property path", () => {
    const r = oramaSchema.safeParse({ id: "string", title: "text", v: "vector[0]", meta: { x: 1 }, "bad name": "string", empty: {} });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["bad name", "empty", "id", "meta.x", "title", "v"]);
  });
});
