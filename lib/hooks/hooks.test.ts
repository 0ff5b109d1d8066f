// Pieces of hooks without a server: header redaction and its round trip, the derived status, and
// the TASK_WEBHOOK_URL row following the environment across restarts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { hooks } from "../db/schema/hooks";
import { freshDb } from "../testing/db";
import { hookStatus } from "./dto";
import { syncEnvHook } from "./env-hook";
import { mergeHeaders, redactCapturedHeaders, redactHeaders, redactSentHeaders, redactValue } from "./redact";

describe("redaction", () => {
  it("keeps the scheme word of Authorization and hides credential-like values entirely", () => {
    expect(redactValue("Authorization", "Bearer abc.def.ghi")).toBe("Bearer ****");
    expect(redactValue("authorization", "Basic dXNlcjpwYXNz")).toBe("Basic ****");
    expect(redactValue("Authorization", "rawtoken123456")).toBe("****");
    expect(redactValue("X-Api-Key", "0123456789abcdef")).toBe("****");
    expect(redactValue("X-Env", "production-eu-west")).toBe("****west");
    expect(redactValue("X-Short", "prod")).toBe("****");
  });

  it("a redacted value sent back keeps the stored one; anything else replaces it; absent headers go", () => {
    const stored = { Authorization: "Bearer s3cret-value", "X-Env": "production-eu-west", "X-Gone": "bye" };
    const { "X-Gone": _gone, ...sentBack } = redactHeaders(stored);
    expect(mergeHeaders(stored, { ...sentBack, "X-Env": "staging" })).toEqual({ Authorization: "Bearer s3cret-value", "X-Env": "staging" });
    expect(mergeHeaders(stored, { authorization: "Bearer ****" })).toEqual({ authorization: "Bearer s3cret-value" });
    expect(mergeHeaders(stored, { Authorization: "Bearer new" })).toEqual({ Authorization: "Bearer new" });
  });
});

describe("status", () => {
  it("derives active, paused, auto-paused and failing", () => {
    expect(hookStatus({ paused: false, pausedReason: null, failingSince: null })).toBe("active");
    expect(hookStatus({ paused: true, pausedReason: "manual", failingSince: null })).toBe("paused");
    expect(hookStatus({ paused: true, pausedReason: "gone: 410", failingSince: null })).toBe("auto-paused");
    expect(hookStatus({ paused: false, pausedReason: null, failingSince: new Date() })).toBe("failing");
  });
});

describe("the TASK_WEBHOOK_URL hook", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb();
  });
  afterAll(async () => h?.close());
  const row = async () => (await h.db.select().from(hooks).where(eq(hooks.uuid, "00000000-0000-0000-0000-000000000000")))[0];

  it("is created, follows the env on restart keeping its secret, and goes when the env is unset", async () => {
    await syncEnvHook(h.db, { url: "https://example.com/a", authorization: "Bearer one" });
    const first = await row();
    expect(first).toMatchObject({ kind: "tasks", url: "https://example.com/a", headers: { Authorization: "Bearer one" }, isEditable: false });
    await syncEnvHook(h.db, { url: "https://example.com/b" });
    const second = await row();
    expect(second).toMatchObject({ url: "https://example.com/b", headers: {}, secret: first.secret, token: first.token });
    await syncEnvHook(h.db, {});
    expect(await row()).toBeUndefined();
  });
});

describe("one redaction for every read", () => {
  it("delivery headers: deny by default, the same markers as the hook itself", () => {
    const sent = { Authorization: "Bearer s3cret-value", "X-Env": "production-eu-west", "x-indexhook-token": "tok_abcdef0123456789", "content-type": "application/json", "user-agent": "Indexhook-Webhooks/1", "webhook-id": "msg_1", "webhook-signature": "v1,… (HMAC-SHA256 per attempt)" };
    expect(redactSentHeaders(sent)).toEqual({
      ...sent,
      Authorization: "Bearer ****",
      "X-Env": "****west",
      "x-indexhook-token": "****",
    });
  });

  it("inspector captures: credential names and known hook values are masked, the rest readable", () => {
    const known = new Set(["tok_abcdef0123456789", "custom-plain-value"]);
    const got = redactCapturedHeaders(
      { authorization: "Bearer anything-at-all", "x-indexhook-token": "tok_abcdef0123456789", "x-custom": "custom-plain-value", "x-api-key": "k", "webhook-signature": "v1,abc", accept: "*/*" },
      known,
    );
    expect(got).toEqual({ authorization: "Bearer ****", "x-indexhook-token": "****", "x-custom": "****", "x-api-key": "****", "webhook-signature": "v1,abc", accept: "*/*" });
  });
});
