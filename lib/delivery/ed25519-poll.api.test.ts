// Issue 15, two delivery-platform features over real HTTP, a real server, real deploys and a real
// receiver on loopback: ed25519 signatures (Standard Webhooks v1a, verified with node:crypto against
// the spec) and poll hooks (GET /api/v1/hooks/{uuid}/events: same filters and coalescing as pushes).
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { describeKeyMatrix } from "../testing/key-matrix";
import { DELIVERY_ENV, serverSuite } from "../testing/fixture";
import type { Received } from "../testing/receiver";
import { until, WAIT_MS } from "../testing/wait";

const suite = serverSuite(DELIVERY_ENV, { prefix: "sp", schema: { title: "string", year: "number" } });
const { call, newIndex, receiver, createHook, deploy, notify } = suite;
const quiet = (ms = 400) => new Promise((r) => setTimeout(r, ms));

/** The receiver's side of the spec: whpk_ + base64 of the raw 32-byte key → a KeyObject. */
function publicKeyObject(whpk: string): KeyObject {
  expect(whpk).toMatch(/^whpk_[A-Za-z0-9+/]+={0,2}$/);
  const raw = Buffer.from(whpk.slice(5), "base64");
  expect(raw.length).toBe(32);
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}
/** The v1a signatures of a request that verify under `key` over `{webhook-id}.{webhook-timestamp}.{body}`. */
function v1aValid(q: Received, key: KeyObject, body = q.body): number {
  const msg = Buffer.from(`${q.headers["webhook-id"]}.${q.headers["webhook-timestamp"]}.${body}`);
  return q.headers["webhook-signature"]
    .split(" ")
    .filter((s) => s.startsWith("v1a,"))
    .filter((s) => verify(null, msg, key, Buffer.from(s.slice(4), "base64"))).length;
}
const schemes = (q: Received) => q.headers["webhook-signature"].split(" ").map((s) => s.split(",")[0]);

describe("ed25519 signatures (v1a)", () => {
  it("creates an ed25519 hook: the answer and reveal carry the public key, never the private key", async () => {
    const h = await createHook({ url: "https://93.184.215.14/hook", signing: "ed25519" });
    expect(h).toMatchObject({ signing: "ed25519", mode: "push", previousPublicKey: null });
    publicKeyObject(h.publicKey);
    expect(h.secret).toBeUndefined();
    expect(h.token.length).toBeGreaterThanOrEqual(16);
    const reveal = await call("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "reveal" });
    expect(reveal.status).toBe(200);
    expect(reveal.json).toEqual({ publicKey: h.publicKey, previousPublicKey: null, previousSecret: null, previousSecretExpiresAt: null });
    for (const path of ["/api/v1/hooks", `/api/v1/hooks/${h.uuid}`]) {
      const r = await call("GET", path);
      expect(r.text).not.toMatch(/whsk_/);
      expect(r.text).toContain(h.publicKey);
    }
    // HMAC stays the default, with its answer unchanged.
    const hmac = await createHook({ url: "https://93.184.215.14/hook" });
    expect(hmac).toMatchObject({ signing: "hmac-sha256", publicKey: null });
    expect(hmac.secret).toMatch(/^whsec_/);
    expect((await call("POST", "/api/v1/hooks", { url: "https://93.184.215.14/hook", signing: "rsa" })).status).toBe(400);
  });

  it("signs deliveries with v1a over id.timestamp.body, verifiable with the public key alone", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const h = await createHook({ url: `${rx.url}/ed`, signing: "ed25519", filters: { indexes: [id] } });
    await notify(id, { upsert: [{ id: "a", title: "Alien", year: 1979 }] });
    await deploy(id);
    const [q] = await rx.waitFor(1);
    expect(JSON.parse(q.body).changes).toEqual([{ type: "upsert", table: id, key: "a", value: { id: "a", title: "Alien", year: 1979 } }]);
    expect(q.headers["webhook-signature"]).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/); // 64-byte signature
    expect(q.headers["x-indexhook-token"]).toBe(h.token);
    const key = publicKeyObject(h.publicKey);
    expect(v1aValid(q, key)).toBe(1);
    // The check can fail: another body, another key.
    expect(v1aValid(q, key, q.body.replace("Alien", "Alien!"))).toBe(0);
    const other = await createHook({ url: "https://93.184.215.14/hook", signing: "ed25519" });
    expect(v1aValid(q, publicKeyObject(other.publicKey))).toBe(0);
    // The delivery log shows the scheme, not a signature.
    await expect.poll(async () => (await call("GET", `/api/v1/hooks/${h.uuid}/deliveries`)).json.results[0]?.status, { timeout: WAIT_MS }).toBe("succeeded");
    const dlv = (await call("GET", `/api/v1/hooks/${h.uuid}/deliveries`)).json.results[0];
    const detail = await call("GET", `/api/v1/hooks/${h.uuid}/deliveries/${dlv.id}`);
    expect(detail.json.headers["webhook-signature"]).toBe("v1a,… (ed25519 per attempt)");
    expect(detail.text).not.toMatch(/whsk_/);
  });

  it("rotation keeps both keys signing during the overlap; regenerate keeps only the new one", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const h = await createHook({ url: rx.url, signing: "ed25519", filters: { indexes: [id] } });
    const rot = await call("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "rotate" });
    expect(rot.status, rot.text).toBe(200);
    expect(rot.json.secret).toBeUndefined();
    expect(rot.json.previousPublicKey).toBe(h.publicKey);
    expect(rot.json.publicKey).not.toBe(h.publicKey);
    expect(Date.parse(rot.json.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(rot.text).not.toMatch(/whsk_/);
    const got = (await call("GET", `/api/v1/hooks/${h.uuid}`)).json;
    expect(got).toMatchObject({ publicKey: rot.json.publicKey, previousPublicKey: h.publicKey });
    await notify(id, { upsert: [{ id: "r", title: "R", year: 1 }] });
    await deploy(id);
    const [q] = await rx.waitFor(1);
    expect(schemes(q)).toEqual(["v1a", "v1a"]);
    expect(v1aValid(q, publicKeyObject(rot.json.publicKey))).toBe(1);
    expect(v1aValid(q, publicKeyObject(h.publicKey))).toBe(1);

    const regen = await call("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "regenerate" });
    expect(regen.json).toMatchObject({ previousPublicKey: null, previousSecret: null, previousSecretExpiresAt: null });
    await notify(id, { upsert: [{ id: "s", title: "S", year: 2 }] });
    await deploy(id);
    const q2 = (await rx.waitFor(2))[1];
    expect(schemes(q2)).toEqual(["v1a"]);
    expect(v1aValid(q2, publicKeyObject(regen.json.publicKey))).toBe(1);
    expect(v1aValid(q2, publicKeyObject(rot.json.publicKey))).toBe(0);
  });

  it("switching the scheme by PATCH is a rotation: the old HMAC secret and the new key both sign for 24 h", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const h = await createHook({ url: rx.url, filters: { indexes: [id] } });
    const p = await call("PATCH", `/api/v1/hooks/${h.uuid}`, { signing: "ed25519" });
    expect(p.status, p.text).toBe(200);
    expect(p.json).toMatchObject({ signing: "ed25519", previousPublicKey: null });
    publicKeyObject(p.json.publicKey);
    expect(p.json.previousSecretExpiresAt).not.toBeNull();
    const reveal = (await call("POST", `/api/v1/hooks/${h.uuid}/secret`, { action: "reveal" })).json;
    expect(reveal).toMatchObject({ publicKey: p.json.publicKey, previousSecret: h.secret });
    expect(reveal.secret).toBeUndefined();
    await notify(id, { upsert: [{ id: "x", title: "X", year: 3 }] });
    await deploy(id);
    const [q] = await rx.waitFor(1);
    expect(schemes(q).sort()).toEqual(["v1", "v1a"]);
    expect(v1aValid(q, publicKeyObject(p.json.publicKey))).toBe(1);
    // Receivers still on HMAC keep verifying (standardwebhooks skips the v1a entry).
    expect(() => new Webhook(h.secret).verify(q.body, q.headers)).not.toThrow();
    const audit = (await call("GET", `/api/v1/audit?action=hook.updated`)).json;
    const entry = audit.results.find((e: { target: { id: string } }) => e.target.id === h.uuid);
    expect(entry.details.fields).toContain("signing");
    expect(JSON.stringify(audit)).not.toMatch(/whsk_|whsec_/);
  });
});

describe("poll hooks", () => {
  const events = async (uuid: string, qs = "") => call("GET", `/api/v1/hooks/${uuid}/events${qs}`);

  it("has no URL; a push hook needs one; the mode is fixed", async () => {
    const h = await createHook({ mode: "poll" });
    expect(h).toMatchObject({ mode: "poll", url: null, kind: "changes", status: "active" });
    expect((await call("GET", `/api/v1/hooks/${h.uuid}`)).json.url).toBeNull();
    const withUrl = await call("POST", "/api/v1/hooks", { mode: "poll", url: "https://93.184.215.14/hook" });
    expect(withUrl.status).toBe(400);
    expect(withUrl.json.error.details[0].path).toEqual(["url"]);
    const noUrl = await call("POST", "/api/v1/hooks", { kind: "changes" });
    expect(noUrl.status).toBe(400);
    expect(noUrl.json.error.details[0].path).toEqual(["url"]);
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { url: "https://93.184.215.14/hook" })).status).toBe(400);
    const mode = await call("PATCH", `/api/v1/hooks/${h.uuid}`, { mode: "push" });
    expect(mode.status).toBe(400);
    expect(mode.json.error.details[0].path).toEqual(["mode"]);
    expect((await call("PATCH", `/api/v1/hooks/${h.uuid}`, { mode: "poll", filters: { indexes: ["z"] } })).status).toBe(200);
    const test = await call("POST", `/api/v1/hooks/${h.uuid}/test`);
    expect(test.status).toBe(400);
    expect((await call("GET", `/api/v1/hooks/${h.uuid}`)).json.url).toBeNull();
  });

  it("is never pushed, and pulls what a paused push hook with the same filters gets on resume", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const filters = { indexes: [id], operations: ["upsert", "update", "delete"], properties: "all" };
    const poll = await createHook({ mode: "poll", filters });
    const push = await createHook({ url: rx.url, filters, paused: true });
    await notify(id, { upsert: [{ id: "a", title: "A", year: 1 }, { id: "b", title: "B", year: 2 }, { id: "c", title: "C", year: 3 }] });
    await deploy(id);
    await notify(id, { update: [{ id: "a", year: 10 }], remove: ["b"] });
    await deploy(id);
    await notify(id, { update: [{ id: "c", title: "C3" }] });
    await deploy(id);
    const page = await events(poll.uuid);
    expect(page.status, page.text).toBe(200);
    expect(page.json.hasMore).toBe(false);
    expect(page.json.next).toMatch(/^chg_\d+$/);
    expect(page.json.data).toEqual([
      { type: "upsert", table: id, key: "a", value: { id: "a", title: "A", year: 10 } },
      { type: "delete", table: id, key: "b" },
      { type: "upsert", table: id, key: "c", value: { id: "c", title: "C3", year: 3 } },
    ]);
    expect((await call("PATCH", `/api/v1/hooks/${push.uuid}`, { paused: false })).status).toBe(200);
    const [q] = await rx.waitFor(1);
    expect(JSON.parse(q.body).changes).toEqual(page.json.data);
    // Reading moved nothing: the same request answers the same page; the poll hook has no deliveries.
    expect((await events(poll.uuid)).json).toEqual(page.json);
    await quiet();
    expect((await call("GET", `/api/v1/hooks/${poll.uuid}/deliveries`)).json.results).toEqual([]);
    expect(rx.requests).toHaveLength(1);
    // Past the end: nothing, and the cursor stays.
    expect((await events(poll.uuid, `?after=${page.json.next}`)).json).toEqual({ data: [], next: page.json.next, hasMore: false });
    // New changes arrive after the stored cursor.
    await notify(id, { remove: ["a"] });
    await deploy(id);
    const later = await events(poll.uuid, `?after=${page.json.next}`);
    expect(later.json.data).toEqual([{ type: "delete", table: id, key: "a" }]);
  });

  it("pages with limit and next, each page coalesced, until hasMore is false", async () => {
    const id = await newIndex();
    const other = await newIndex();
    const poll = await createHook({ mode: "poll", filters: { indexes: [id] } });
    const docs = Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, title: `t${i}`, year: i }));
    await notify(id, { upsert: docs });
    await notify(other, { upsert: [{ id: "skip", title: "x", year: 0 }] });
    await deploy(other);
    await deploy(id);
    const seen: { key: string }[] = [];
    let after = "";
    let pages = 0;
    for (;;) {
      const r = await events(poll.uuid, `?limit=3${after ? `&after=${after}` : ""}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.data.length).toBeLessThanOrEqual(3);
      seen.push(...r.json.data);
      after = r.json.next;
      pages++;
      if (!r.json.hasMore) break;
      expect(pages).toBeLessThan(10);
    }
    expect(seen.map((c) => c.key)).toEqual(docs.map((d) => d.id));
    expect(pages).toBe(3);
  });

  it("tasks poll hooks pull finished tasks as the objects a tasks push hook sends as NDJSON lines", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const poll = await createHook({ mode: "poll", kind: "tasks", filters: { indexes: [id] } });
    await createHook({ url: rx.url, kind: "tasks", filters: { indexes: [id] } });
    await notify(id, { upsert: [{ id: "t", title: "T", year: 1 }] });
    const task = await deploy(id);
    const page = await events(poll.uuid);
    expect(page.status, page.text).toBe(200);
    // The finished tasks may be pushed in more than one request: waited for, not slept (a loaded machine).
    const pushedNow = () => rx.requests.flatMap((q) => q.body.trim().split("\n").map((l) => JSON.parse(l)));
    const pushed = await until(() => pushedNow().length >= page.json.data.length && pushedNow(), { what: "the pushed tasks", detail: () => JSON.stringify(pushedNow()) });
    expect(page.json.next).toMatch(/^tsk_\d+$/);
    expect(page.json.data).toEqual(pushed);
    expect(page.json.data.map((t: { uid: number }) => t.uid)).toContain(task.uid);
  });

  it("refuses bad cursors, push hooks and unknown hooks", async () => {
    const poll = await createHook({ mode: "poll" });
    const tasks = await createHook({ mode: "poll", kind: "tasks" });
    const push = await createHook({ url: "https://93.184.215.14/hook" });
    for (const bad of ["abc", "chg_", "chg_-1", "tsk_1", "chg_1e3", "chg_999999999999"]) {
      const r = await events(poll.uuid, `?after=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.json.error.code, bad).toBe("invalid_cursor");
    }
    expect((await events(tasks.uuid, "?after=chg_0")).json.error.code).toBe("invalid_cursor");
    expect((await events(tasks.uuid, "?after=tsk_0")).status).toBe(200);
    for (const limit of ["0", "1001", "x"]) expect((await events(poll.uuid, `?limit=${limit}`)).status).toBe(400);
    const p = await events(push.uuid);
    expect(p.status).toBe(400);
    expect(p.json.error.message).toMatch(/push hook/);
    expect((await events("00000000-0000-0000-0000-00000000ffff")).status).toBe(404);
  });
});

describeKeyMatrix(() => suite.server, { method: "GET", path: "/api/v1/hooks/00000000-0000-0000-0000-00000000ffff/events", action: "admin" });
