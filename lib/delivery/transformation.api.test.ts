// Hook transformations end to end (issue 15): a real server, real deploys, real receivers on loopback.
// Save-time refusal, the runaway and the memory bomb that fail only their own hook's attempts, cancel,
// the signature over the transformed body, header/method/url changes, and the tester route.
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { describeKeyMatrix } from "../testing/key-matrix";
import { DELIVERY_ENV, serverSuite, type CreatedHook } from "../testing/fixture";
import { until } from "../testing/wait";

const suite = serverSuite(DELIVERY_ENV, { prefix: "tf" });
const { call, newIndex, receiver, change } = suite;
const createHook = (body: Record<string, unknown>) => suite.createHook<CreatedHook & { transformation: string | null }>(body);

type Attempt = { statusCode: number | null; error: string | null; response: string | null };
type Detail = { id: string; status: string; attempts: number; attemptLog: Attempt[] };
async function deliveries(uuid: string): Promise<Detail[]> {
  const list = (await call("GET", `/api/v1/hooks/${uuid}/deliveries`)).json.results as { id: string }[];
  return Promise.all(list.map(async (d) => (await call("GET", `/api/v1/hooks/${uuid}/deliveries/${d.id}`)).json));
}
const hookCount = async () => (await call("GET", "/api/v1/hooks")).json.results.length as number;

describe("saving a transformation", () => {
  it("refuses a syntax error with 400 invalid_transformation (line and column), and saves nothing", async () => {
    const before = await hookCount();
    const r = await call("POST", "/api/v1/hooks", { url: "https://93.184.215.14/x", transformation: "function handler(w) {\n  return w +;\n}" });
    expect(r.status, r.text).toBe(400);
    expect(r.json.error.code).toBe("invalid_transformation");
    expect(r.json.error.details).toMatchObject({ kind: "syntax", line: 2, column: expect.any(Number) });
    expect(r.json.error.message).toMatch(/SyntaxError.*line 2/);
    const noHandler = await call("POST", "/api/v1/hooks", { url: "https://93.184.215.14/x", transformation: "const handle = (w) => w;" });
    expect(noHandler.status).toBe(400);
    expect(noHandler.json.error).toMatchObject({ code: "invalid_transformation", details: { kind: "no_handler" } });
    const runaway = await call("POST", "/api/v1/hooks", { url: "https://93.184.215.14/x", transformation: "for (;;) {}" });
    expect(runaway.json.error).toMatchObject({ code: "invalid_transformation", details: { kind: "timeout" } });
    expect(await hookCount()).toBe(before);
  });

  it("PATCH sets, refuses (keeping the stored one) and removes it; reads show it", async () => {
    const hook = await createHook({ url: "https://93.184.215.14/x", paused: true });
    expect(hook.transformation).toBeNull();
    const good = "function handler(w) { return w }";
    const set = await call("PATCH", `/api/v1/hooks/${hook.uuid}`, { transformation: good });
    expect(set.status, set.text).toBe(200);
    expect(set.json.transformation).toBe(good);
    const bad = await call("PATCH", `/api/v1/hooks/${hook.uuid}`, { transformation: "function handler( {", paused: false });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_transformation");
    const read = (await call("GET", `/api/v1/hooks/${hook.uuid}`)).json;
    expect(read).toMatchObject({ transformation: good, paused: true });
    const cleared = await call("PATCH", `/api/v1/hooks/${hook.uuid}`, { transformation: "  " });
    expect(cleared.json.transformation).toBeNull();
    const audit = (await call("GET", `/api/v1/audit?action=hook.updated&targetId=${hook.uuid}`)).json.results as { target: { id: string }; details: { fields: string[] } }[];
    const mine = audit.filter((a) => a.target.id === hook.uuid);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.details.fields.includes("transformation"))).toBe(true);
    expect(JSON.stringify(mine)).not.toContain("function handler");
  });
});

describe("delivering through a transformation", () => {
  it("a runaway (for(;;){}) and a memory bomb fail their own attempts while another hook keeps delivering", async () => {
    const id = await newIndex();
    const [rxGood, rxLoop, rxBomb] = [await receiver(), await receiver(), await receiver()];
    const filters = { indexes: [id] };
    await createHook({ url: rxGood.url, filters, transformation: "function handler(w) { w.headers['X-Seen'] = 'yes'; return w }" });
    const loop = await createHook({ url: rxLoop.url, filters, transformation: "function handler(w) { for (;;) {} }" });
    const bomb = await createHook({ url: rxBomb.url, filters, transformation: "function handler(w) { return 'x'.repeat(64 * 1024 * 1024) }" });
    for (const doc of ["a", "b", "c"]) await change(id, doc);
    await rxGood.waitFor(1);
    // Every change reaches the healthy hook (coalesced into one or more deliveries) …
    await until(async () => rxGood.requests.flatMap((q) => JSON.parse(q.body).changes).length >= 3);
    expect(rxGood.requests.every((q) => q.headers["x-seen"] === "yes")).toBe(true);
    // … while the others have failed attempts that say why, and sent nothing.
    await until(async () => (await deliveries(loop.uuid)).some((d) => d.attemptLog.length >= 2));
    await until(async () => (await deliveries(bomb.uuid)).some((d) => d.attemptLog.length >= 1));
    const loopLog = (await deliveries(loop.uuid)).flatMap((d) => d.attemptLog);
    expect(loopLog.every((a) => a.statusCode === null && /^transformation: timed out/.test(a.error ?? ""))).toBe(true);
    const bombLog = (await deliveries(bomb.uuid)).flatMap((d) => d.attemptLog);
    expect(bombLog.every((a) => a.statusCode === null && /^transformation: (out of memory|timed out)/.test(a.error ?? ""))).toBe(true);
    expect(bombLog.some((a) => /out of memory/.test(a.error ?? ""))).toBe(true);
    expect((await deliveries(loop.uuid)).every((d) => d.status === "failed" || d.status === "pending")).toBe(true);
    expect(rxLoop.requests).toHaveLength(0);
    expect(rxBomb.requests).toHaveLength(0);
    expect((await call("GET", `/api/v1/hooks/${loop.uuid}`)).json.status).toBe("failing");
    // Still delivering afterwards: a later change reaches the healthy hook.
    await change(id, "d");
    await until(async () => rxGood.requests.flatMap((q) => JSON.parse(q.body).changes).some((c: { key: string }) => c.key === "d"));
    // Fixing the transformation fixes the retries: the failed delivery goes out.
    expect((await call("PATCH", `/api/v1/hooks/${loop.uuid}`, { transformation: "function handler(w) { return w }" })).status).toBe(200);
    await rxLoop.waitFor(1);
  });

  it("signs the body actually sent, with the headers, method and URL the transformation chose", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const source = `function handler(webhook) {
      const keys = webhook.payload.changes.map((c) => c.key);
      return {
        method: "PUT",
        url: webhook.url + "/moved?n=" + keys.length,
        headers: { ...webhook.headers, "X-Keys": keys.join(","), "webhook-signature": "v1,forged", "X-Indexhook-Token": "stolen" },
        payload: { text: "changed: " + keys.join(", ") },
      };
    }`;
    const hook = await createHook({ url: `${rx.url}/in`, filters: { indexes: [id] }, headers: { "X-Custom": "kept" }, transformation: source });
    await change(id, "x1");
    const [q] = await rx.waitFor(1);
    expect(q.method).toBe("PUT");
    expect(q.path).toBe("/in/moved?n=1");
    expect(JSON.parse(q.body)).toEqual({ text: "changed: x1" });
    expect(q.headers).toMatchObject({ "x-keys": "x1", "x-custom": "kept", "content-type": "application/json", "x-indexhook-token": hook.token });
    expect(q.headers["content-length"]).toBe(String(Buffer.byteLength(q.body)));
    expect(q.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(q.headers["webhook-signature"]).not.toContain("forged");
    // The Standard Webhooks library verifies it over the transformed body (and would refuse the original).
    expect(() => new Webhook(hook.secret).verify(q.body, q.headers)).not.toThrow();
    expect(() => new Webhook(hook.secret).verify(JSON.stringify({ changes: [] }), q.headers)).toThrow();
    const [d] = await deliveries(hook.uuid);
    expect(d.status).toBe("succeeded");
  });

  it("cancel: true skips a delivery (status cancelled, nothing sent) and the next one still goes out", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const hook = await createHook({
      url: rx.url,
      filters: { indexes: [id] },
      transformation: "function handler(w) { if (w.payload.changes.some((c) => c.key.startsWith('skip'))) return { cancel: true }; return w }",
    });
    await change(id, "skip-1");
    await until(async () => (await deliveries(hook.uuid)).some((d) => d.status === "cancelled"));
    await change(id, "send-1");
    const [q] = await rx.waitFor(1);
    expect(JSON.parse(q.body).changes.map((c: { key: string }) => c.key)).toEqual(["send-1"]);
    const all = await deliveries(hook.uuid);
    const cancelled = all.find((d) => d.status === "cancelled")!;
    expect(cancelled.attemptLog).toEqual([expect.objectContaining({ statusCode: null, error: null, response: expect.stringMatching(/cancelled by the transformation/) })]);
    expect((await call("GET", `/api/v1/hooks/${hook.uuid}/deliveries?status=cancelled`)).json.results).toHaveLength(1);
    // Neither a failure nor a success in the metrics; the hook is not failing.
    const m = (await call("GET", `/api/v1/hooks/${hook.uuid}/metrics?window=1h`)).json;
    expect(m).toMatchObject({ total: 1, successes: 1, failures: 0 });
    expect((await call("GET", `/api/v1/hooks/${hook.uuid}`)).json.status).toBe("active");
    expect(rx.requests).toHaveLength(1);
  });

  it("a URL the transformation chose passes the SSRF guard: refused, that attempt fails and the hook is not paused", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const hook = await createHook({ url: rx.url, filters: { indexes: [id] }, transformation: "function handler(w) { w.url = 'http://169.254.169.254/latest/meta-data'; return w }" });
    await change(id, "m1");
    await until(async () => (await deliveries(hook.uuid)).some((d) => d.attemptLog.length >= 1));
    const [a] = (await deliveries(hook.uuid))[0].attemptLog;
    expect(a.error).toMatch(/^SSRF: .*\(the URL the transformation chose\)/);
    expect((await call("GET", `/api/v1/hooks/${hook.uuid}`)).json.paused).toBe(false);
    expect(rx.requests).toHaveLength(0);
  });
});

describe("POST /api/v1/hooks/transformation-test", () => {
  it("runs on the sample of the kind and returns what would be sent", async () => {
    const r = await call("POST", "/api/v1/hooks/transformation-test", { transformation: "function handler(w) { w.payload = { n: w.payload.changes.length }; w.headers['X-N'] = '3'; w.headers['webhook-id'] = 'x'; return w }" });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ ok: true, cancel: false, error: null, ignoredHeaders: ["webhook-id"], request: { method: "POST", body: '{"n":3}', contentType: "application/json", headers: { "X-N": "3" } } });
    expect(r.json.input.payload.changes).toHaveLength(3);
    const tasks = await call("POST", "/api/v1/hooks/transformation-test", { kind: "tasks", payload: [{ uid: 1 }, { uid: 2 }], transformation: "function handler(w) { w.payload = w.payload.slice(1); return w }" });
    expect(tasks.json).toMatchObject({ ok: true, request: { contentType: "application/x-ndjson", body: '{"uid":2}\n' } });
  });

  it("reports a runtime error, a time-out and cancel as outcomes, and refuses bad input", async () => {
    const thrown = await call("POST", "/api/v1/hooks/transformation-test", { transformation: "function handler(w) {\n  throw new Error('nope');\n}" });
    expect(thrown.status).toBe(200);
    expect(thrown.json).toMatchObject({ ok: false, request: null, error: { kind: "error", message: "Error: nope", line: 2 } });
    const loop = await call("POST", "/api/v1/hooks/transformation-test", { transformation: "function handler(w) { for (;;) {} }", payload: { a: 1 } });
    expect(loop.json).toMatchObject({ ok: false, error: { kind: "timeout" } });
    const cancel = await call("POST", "/api/v1/hooks/transformation-test", { transformation: "function handler(w) { return { cancel: true } }" });
    expect(cancel.json).toMatchObject({ ok: true, cancel: true, request: null });
    expect((await call("POST", "/api/v1/hooks/transformation-test", {})).status).toBe(400);
    expect((await call("POST", "/api/v1/hooks/transformation-test", { kind: "tasks", payload: { not: "an array" }, transformation: "function handler(w) { return w }" })).status).toBe(400);
  });

  describeKeyMatrix(() => suite.server, { method: "POST", path: "/api/v1/hooks/transformation-test", body: { transformation: "function handler(w) { return w }" }, action: "admin", okStatus: 200 });
});
