import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLoopbackClient } from "./peer";

const g = globalThis as typeof globalThis & { __indexhookPeerHeader?: string };
const req = (h: Record<string, string>) => new Headers({ host: "localhost:3000", ...h });

describe("isLoopbackClient", () => {
  beforeEach(() => (g.__indexhookPeerHeader = "x-indexhook-peer"));
  afterEach(() => delete g.__indexhookPeerHeader);

  it("trusts the stamped loopback peer with a local Host (and the X-Forwarded-For next start copies from it)", () => {
    expect(isLoopbackClient(req({ "x-indexhook-peer": "127.0.0.1" }))).toBe(true);
    expect(isLoopbackClient(req({ "x-indexhook-peer": "::1", "x-forwarded-for": "::1", host: "[::1]:3000" }))).toBe(true);
    expect(isLoopbackClient(req({ "x-indexhook-peer": "::ffff:127.0.0.1", host: "127.0.0.1:3000", origin: "http://localhost:3000" }))).toBe(true);
  });

  it.each([
    ["a remote peer", { "x-indexhook-peer": "192.0.2.2" }],
    ["no stamp", {}],
    ["a relayed request (X-Forwarded-For from a proxy)", { "x-indexhook-peer": "127.0.0.1", "x-forwarded-for": "203.0.113.7" }],
    ["Forwarded", { "x-indexhook-peer": "127.0.0.1", forwarded: "for=203.0.113.7" }],
    ["X-Real-IP", { "x-indexhook-peer": "127.0.0.1", "x-real-ip": "203.0.113.7" }],
    ["a proxy's X-Forwarded-Host", { "x-indexhook-peer": "127.0.0.1", "x-forwarded-host": "public.example" }],
    ["a public Host (DNS rebinding, or a proxy passing Host)", { "x-indexhook-peer": "127.0.0.1", host: "rebound.example" }],
    ["a foreign Origin", { "x-indexhook-peer": "127.0.0.1", origin: "https://evil.example" }],
    ["Origin null", { "x-indexhook-peer": "127.0.0.1", origin: "null" }],
  ])("refuses %s", (_, h) => expect(isLoopbackClient(req(h))).toBe(false));

  it("trusts nothing when the preload did not announce itself (the header could be the client's)", () => {
    delete g.__indexhookPeerHeader;
    expect(isLoopbackClient(req({ "x-indexhook-peer": "127.0.0.1" }))).toBe(false);
  });
});
