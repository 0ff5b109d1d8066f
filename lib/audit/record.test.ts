import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./record";

describe("redactSecrets", () => {
  it("drops secret-named fields at any depth and secret-shaped strings anywhere", () => {
    const out = redactSecrets({
      name: "hook",
      secret: "whsec_abc",
      nested: { token: "t0k3n", password: "hunter22", keep: 1, headers: { Authorization: "Bearer x" } },
      note: "pasted whsec_AAAAAAAAAAAAAAAA here",
      key: "ihk_prv_1234567890",
      keyId: "key_1",
      list: [{ apiKey: "x" }],
      revealed: true,
    });
    expect(out).toEqual({
      name: "hook",
      secret: REDACTED,
      nested: { token: REDACTED, password: REDACTED, keep: 1, headers: { Authorization: REDACTED } },
      note: REDACTED,
      key: REDACTED,
      keyId: "key_1",
      list: [{ apiKey: REDACTED }],
      revealed: true,
    });
  });
});
