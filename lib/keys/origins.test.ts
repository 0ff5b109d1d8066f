import { describe, expect, it } from "vitest";
import { normalizeOriginPattern, originAllowed } from "./origins";

describe("normalizeOriginPattern", () => {
  it.each([
    ["https://shop.example", "https://shop.example"],
    ["  HTTPS://Shop.Example/ ", "https://shop.example"],
    ["https://shop.example:443", "https://shop.example"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://[::1]:3000", "http://[::1]:3000"],
    ["https://*.example.com", "https://*.example.com"],
    ["https://*.Example.com:8443", "https://*.example.com:8443"],
  ])("%s → %s", (raw, want) => expect(normalizeOriginPattern(raw)).toBe(want));

  it.each([
    "shop.example",
    "*",
    "ftp://shop.example",
    "https://shop.example/path",
    "https://shop.example?x=1",
    "https://user:pw@shop.example",
    "https://*.com",
    "https://*.127.0.0.1",
    "https://a.*.example.com",
    "https://*example.com",
    "null",
    "",
  ])("refuses %j", (raw) => expect(normalizeOriginPattern(raw)).toBeNull());
});

describe("originAllowed", () => {
  const list = ["https://shop.example", "https://*.example.com", "http://localhost:5173"];
  it.each([
    ["https://shop.example", true],
    ["https://shop.example:443", true],
    ["http://shop.example", false],
    ["https://shop.example:8443", false],
    ["https://evil-shop.example", false],
    ["https://a.example.com", true],
    ["https://a.b.example.com", true],
    ["https://example.com", false],
    ["https://notexample.com", false],
    ["https://a.example.com:8443", false],
    ["http://localhost:5173", true],
    ["http://localhost:5174", false],
    ["null", false],
    ["garbage", false],
  ])("%s → %s", (origin, want) => expect(originAllowed(origin, list)).toBe(want));
});
