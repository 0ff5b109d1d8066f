import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createPublicKey, randomBytes, verify } from "node:crypto";
import { newSigningKey, sign } from "../net/signing";
import { displayHeaders, signedHeaders } from "./headers";

const secret = () => `whsec_${randomBytes(24).toString("base64")}`;

describe("signing", () => {
  it("computes exactly what standardwebhooks computes", () => {
    for (const body of ["", "{}", JSON.stringify({ changes: [{ key: "ü€😀", value: "x".repeat(70_000) }] })]) {
      const s = secret();
      const at = new Date(1_764_000_000_123);
      expect(sign(s, "msg_abc", at, body)).toBe(new Webhook(s).sign("msg_abc", at, body));
    }
  });

  it("signs with every active secret and verifies with the reference library", () => {
    const current = secret();
    const previous = secret();
    const hook = { secret: current, previousSecret: previous, previousSecretExpiresAt: new Date(Date.now() + 60_000), token: "t", headers: {} };
    const delivery = { webhookId: "msg_1", contentType: "application/json", body: '{"changes":[]}' };
    const headers = signedHeaders(hook, delivery);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const s of [current, previous]) expect(() => new Webhook(s).verify(delivery.body, headers)).not.toThrow();
    expect(() => new Webhook(secret()).verify(delivery.body, headers)).toThrow();
  });

  it("refuses an empty secret like the reference library", () => {
    expect(() => sign("whsec_", "msg_1", new Date(), "{}")).toThrow();
  });

  it("signs ed25519 keys with v1a over id.timestamp.body, verifiable with the whpk_ public key (node:crypto)", () => {
    const { secret: sk, publicKey } = newSigningKey("ed25519");
    expect(sk).toMatch(/^whsk_/);
    expect(Buffer.from(sk.slice(5), "base64")).toHaveLength(64);
    const raw = Buffer.from(publicKey!.slice(5), "base64");
    expect(raw).toHaveLength(32);
    expect(Buffer.from(sk.slice(5), "base64").subarray(32)).toEqual(raw); // libsodium layout: seed, then public key
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
    const at = new Date(1_764_000_000_999);
    const sig = sign(sk, "msg_ed", at, "{\"a\":1}");
    expect(sig).toMatch(/^v1a,/);
    const msg = (body: string) => Buffer.from(`msg_ed.1764000000.${body}`);
    expect(verify(null, msg("{\"a\":1}"), key, Buffer.from(sig.slice(4), "base64"))).toBe(true);
    expect(verify(null, msg("{\"a\":2}"), key, Buffer.from(sig.slice(4), "base64"))).toBe(false);
    // ed25519 is deterministic: the same message signs the same.
    expect(sign(sk, "msg_ed", at, "{\"a\":1}")).toBe(sig);
  });

  it("signs with both schemes while a scheme change overlaps, and the log shows each scheme once", () => {
    const hmac = secret();
    const { secret: sk } = newSigningKey("ed25519");
    const hook = { secret: sk, previousSecret: hmac, previousSecretExpiresAt: new Date(Date.now() + 60_000), token: "t", headers: {} };
    const delivery = { webhookId: "msg_2", contentType: "application/json", body: "{}" };
    const headers = signedHeaders(hook, delivery);
    expect(headers["webhook-signature"].split(" ").map((s) => s.split(",")[0])).toEqual(["v1a", "v1"]);
    expect(() => new Webhook(hmac).verify(delivery.body, headers)).not.toThrow();
    expect(displayHeaders(hook, delivery)["webhook-signature"]).toBe("v1a,… (ed25519 per attempt) v1,… (HMAC-SHA256 per attempt)");
    const rotated = { ...hook, previousSecret: secret(), secret: hmac };
    expect(displayHeaders(rotated, delivery)["webhook-signature"]).toBe("v1,… (HMAC-SHA256 per attempt)");
  });
});
