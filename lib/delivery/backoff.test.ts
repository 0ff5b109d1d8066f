import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./backoff";

describe("retry schedule", () => {
  it("climbs 1 s, 5 s, 30 s … 24 h with ±20 % jitter, then stays at 24 h", () => {
    const around = (n: number, s: number) => {
      const d = retryDelayMs(n, undefined, 1);
      expect(d).toBeGreaterThanOrEqual(s * 800);
      expect(d).toBeLessThanOrEqual(s * 1200);
    };
    around(1, 1);
    around(2, 5);
    around(3, 30);
    around(11, 86_400);
    around(40, 86_400);
    expect(retryDelayMs(3, undefined, 0.01)).toBeLessThan(400);
  });
  it("honours Retry-After in seconds or as an HTTP date, capped at 24 h", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(retryDelayMs(1, 7000, 1)).toBe(7000);
    expect(retryDelayMs(1, 10 * 86_400_000, 1)).toBe(86_400_000);
  });
});
