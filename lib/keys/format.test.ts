import { describe, expect, it } from "vitest";
import { generateKey, hashKey, isWellFormed, kindFor, startOf } from "./format";

describe("key format", () => {
  it("is ihk_<pub|prv>_ + 32 random + 6 checksum base58 characters", () => {
    const pub = generateKey("public");
    const prv = generateKey("private");
    expect(pub).toMatch(/^ihk_pub_[1-9A-HJ-NP-Za-km-z]{38}$/);
    expect(prv).toMatch(/^ihk_prv_[1-9A-HJ-NP-Za-km-z]{38}$/);
    expect(isWellFormed(pub)).toBe(true);
    expect(isWellFormed(prv)).toBe(true);
    expect(generateKey("public")).not.toBe(pub);
  });

  it("rejects junk, typos and a wrong checksum", () => {
    const key = generateKey("private");
    const last = key.at(-1)!;
    const typo = key.slice(0, -1) + (last === "a" ? "b" : "a");
    for (const junk of ["", "ihk_nope", "ihk_prv_", key + "x", key.slice(0, -1), typo, key.replace("ihk_", "ihx_"), key.replace("ihk_prv", "ihk_sec")]) {
      expect(isWellFormed(junk), junk).toBe(false);
    }
  });

  it("starts are 12 characters, hashes are sha256 hex of the whole key", () => {
    const key = generateKey("public");
    expect(startOf(key)).toBe(key.slice(0, 12));
    expect(startOf(key)).toMatch(/^ihk_pub_.{4}$/);
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key)).not.toBe(hashKey(generateKey("public")));
  });

  it("public means exactly search", () => {
    expect(kindFor(["search"])).toBe("public");
    expect(kindFor(["search", "ingest"])).toBe("private");
    expect(kindFor(["*"])).toBe("private");
    expect(kindFor(["admin"])).toBe("private");
  });
});
