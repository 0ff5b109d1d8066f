import { describe, expect, it } from "vitest";
import { didYouMean, distance } from "./did-you-mean";

describe("distance", () => {
  it("counts edits and stops early past the bound", () => {
    expect(distance("alein", "alien", 2)).toBe(2);
    expect(distance("kitten", "sitting", 3)).toBe(3);
    expect(distance("abc", "abc", 2)).toBe(0);
    expect(distance("a", "abcdef", 2)).toBe(3);
    expect(distance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("didYouMean", () => {
  const texts = ["Alien", "Aliens", "Alien: Romulus", "The Thing", "Heat", "Alone in Berlin"];
  it("replaces the unknown words of the term with the nearest words of the documents", () => {
    expect(didYouMean("alein", texts)).toBe("alien");
    expect(didYouMean("the thnig", texts)).toBe("the thing");
    expect(didYouMean("Heta", texts)).toBe("heat");
  });
  it("prefers fewer edits, then the more frequent word", () => {
    expect(didYouMean("aliem", texts)).toBe("alien"); // "alien" ×2 and "aliens" are 1 and 2 edits away
    expect(didYouMean("alons", ["alone", "alona", "alona"])).toBe("alona");
  });
  it("suggests nothing when every word is known or nothing is near", () => {
    expect(didYouMean("alien heat", texts)).toBeNull();
    expect(didYouMean("zzzzzz", texts)).toBeNull();
    expect(didYouMean("x", ["a"])).toBeNull(); // one letter: any word is "one edit" away
    expect(didYouMean("alein", [])).toBeNull();
  });
});
