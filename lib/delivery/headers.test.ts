import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { randomBytes } from "node:crypto";
import { sign } from "../net/signing";
import { signedHeaders } from "./headers";

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
});
