// One huge value must never wedge the build: a 1 MB word (Orama's replaceDiacritics spread one stack
// slot per character) and a document of hundreds of thousands of distinct words (Orama's tf count was
// quadratic in a value's tokens). No timings: operation counts, and vitest's timeout as the only guard.
import { insertMultiple } from "@orama/orama";
import { describe, expect, it } from "vitest";
import { createEngineDb, decodeArtifact } from "./artifact";
import { buildArtifact } from "./build-artifact";
import { engineTokenizer, truncateToken } from "./orama-patch";
import { runSearch } from "./run-search";

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${(from + i).toString(36)}`).join(" ");

describe("a document with a 1 MB word", () => {
  it("builds, loads, and is found by the same word (cut to the token limit at build and search)", async () => {
    const word = "a".repeat(1024 * 1024);
    const artifact = await buildArtifact({ title: "string" }, [
      { id: "1", title: `${word} tail` },
      { id: "2", title: "hello" },
    ]);
    const db = decodeArtifact(artifact);
    expect(runSearch(db, { term: word }).hits.map((h) => h.id)).toEqual(["1"]);
    expect(runSearch(db, { term: word }, { fast: false }).hits.map((h) => h.id)).toEqual(["1"]);
    expect(runSearch(db, { term: "a".repeat(256) }).hits.map((h) => h.id)).toEqual(["1"]);
    expect(runSearch(db, { term: "tail" }).hits.map((h) => h.id)).toEqual(["1"]);
  });

  it("is cut to tokenMaxLength code units, never inside a surrogate pair", () => {
    expect(engineTokenizer(20).tokenize(`${"b".repeat(30)} c`)).toEqual(["b".repeat(20), "c"]);
    expect(truncateToken("ab😀c", 3)).toBe("ab");
    expect(truncateToken("ab😀c", 4)).toBe("ab😀");
    expect(truncateToken("abc", 3)).toBe("abc");
  });

  it("records the cut in the artifact, and searches of that artifact use it", async () => {
    const artifact = await buildArtifact({ title: "string" }, [{ id: "1", title: "x".repeat(100) }], { tokenMaxLength: 32 });
    const db = decodeArtifact(artifact);
    expect(runSearch(db, { term: "x".repeat(40) }).count).toBe(1);
    expect(runSearch(db, { term: "x".repeat(33) }, { fast: false }).count).toBe(1);
  });
});

describe("a document with many distinct words", () => {
  it("reads a value's tokens a linear number of times while inserting", async () => {
    const db = createEngineDb({ title: "string" });
    let reads = 0;
    const tokenize = db.tokenizer.tokenize;
    // Count every element read of the tokens arrays Orama gets (iteration reads each index once).
    db.tokenizer.tokenize = ((...args: Parameters<typeof tokenize>) => {
      const tokens = tokenize(...args);
      return new Proxy(tokens, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    }) as typeof tokenize;
    const n = 4000;
    await insertMultiple(db, [{ id: "1", title: words(n) }] as never);
    // Orama's own insertTokenScoreParameters scanned all n tokens per token: n² = 16,000,000 reads.
    expect(reads).toBeLessThanOrEqual(4 * n);
    expect(runSearch(db, { term: "w1" }).count).toBe(1);
  });

  // Seconds on an idle machine; the timeout only has to tell linear from quadratic (Orama's own count
  // needed ~440 s for this at 10k → 1.1 s) on a shared, loaded CI box.
  it("builds a 200,000-distinct-word document into a searchable artifact", { timeout: 300_000 }, async () => {
    const artifact = await buildArtifact({ title: "string" }, [
      { id: "big", title: words(200_000) },
      { id: "small", title: "w1 and more" },
    ]);
    const db = decodeArtifact(artifact);
    expect(runSearch(db, { term: "w4abj" }).hits.map((h) => h.id)).toEqual(["big"]); // 199,999 in base 36
    expect(runSearch(db, { term: "w1", exact: true }).hits.map((h) => h.id).sort()).toEqual(["big", "small"]);
  });
});
