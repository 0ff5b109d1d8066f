// JSON depth is limited exactly, in one linear pass, before anything recursive sees the value.
import { describe, expect, it } from "vitest";
import { checkJsonDepth, MAX_JSON_DEPTH, parseJsonText } from "./json";
import { AppError } from "./errors";

const nested = (depth: number, open = "[", close = "]") => open.repeat(depth) + close.repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth - 1) + "{}" + "}".repeat(depth - 1);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("not refused");
}

describe("JSON depth", () => {
  it(`accepts exactly ${MAX_JSON_DEPTH} levels and refuses one more, arrays and objects`, () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    expect(parseJsonText(objects(MAX_JSON_DEPTH))).toHaveProperty("a");
    for (const text of [nested(MAX_JSON_DEPTH + 1), objects(MAX_JSON_DEPTH + 1), `{"x":[${nested(MAX_JSON_DEPTH)}]}`]) {
      const err = refusal(() => parseJsonText(text));
      expect(err).toMatchObject({ status: 400, code: "json_too_deep", details: { limit: MAX_JSON_DEPTH } });
    }
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    const deepText = JSON.stringify({ s: `\\"${"[".repeat(500)}`, t: "{".repeat(500) });
    expect(() => checkJsonDepth(deepText)).not.toThrow();
    expect(parseJsonText(deepText)).toHaveProperty("t");
    expect(() => checkJsonDepth(`["\\\\", ${nested(3)}]`, 3)).toThrow();
    expect(() => checkJsonDepth(`["\\\\", ${nested(2)}]`, 3)).not.toThrow();
  });

  it("answers 5,000 and 1,000,000 levels with the limit, fast", () => {
    for (const depth of [5000, 1_000_000]) {
      const start = Date.now();
      expect(refusal(() => parseJsonText(nested(depth))).details).toEqual({ limit: MAX_JSON_DEPTH });
      // Against a parse that recurses or backtracks, not a speed test: loose enough for a loaded CI machine.
      expect(Date.now() - start).toBeLessThan(5000);
    }
  });

  it("names what was parsed", () => {
    expect(refusal(() => parseJsonText(nested(200), "q")).message).toMatch(/^q nests/);
  });
});
