import { describe, expect, it } from "vitest";
import { INDEX_ID } from "../contracts/indexes";
import { slugify } from "./slug";

describe("slugify", () => {
  it("turns a name into a valid index id", () => {
    expect(slugify("Movies")).toBe("movies");
    expect(slugify("  Café Movies (2024)! ")).toBe("cafe-movies-2024");
    expect(slugify("books_v2 -- draft")).toBe("books_v2-draft");
    expect(slugify("Größe / Übersicht")).toBe("grosse-ubersicht");
  });
  it("keeps ids valid at the edges: nothing usable → empty, long names cut to 64 without a trailing dash", () => {
    expect(slugify("!!!")).toBe("");
    expect(slugify("日本語")).toBe("");
    const long = slugify(`${"a".repeat(63)} b`);
    expect(long).toBe("a".repeat(63));
    for (const name of ["x", "-x-", "A b C", "__a__", `${"ab ".repeat(40)}`, "Ünïcödé 12"]) {
      const s = slugify(name);
      expect(s === "" || INDEX_ID.test(s), `${name} → ${s}`).toBe(true);
    }
  });
});
