// The transformation sandbox and the webhook mapping, without a server: limits (time, memory, stack),
// what the handler sees and may return, and what cannot get out of the sandbox.
import { describe, expect, it } from "vitest";
import { runInSandbox } from "./sandbox";
import { checkSource, runTransformation } from "./sandbox-pool";
import { failureReason, transformRequest } from "./transform";

const changes = { url: "https://receiver.example/in", headers: { "X-Team": "search" }, contentType: "application/json", body: JSON.stringify({ changes: [{ type: "delete", table: "movies", key: "1" }] }) };
const run = (source: string, req: Parameters<typeof transformRequest>[1] = changes) => transformRequest(source, req);

describe("the sandbox", () => {
  it("refuses a syntax error with its line and column, and a source without handler", async () => {
    expect(await checkSource("function handler(w) {\n  return w +;\n}")).toMatchObject({ kind: "syntax", line: 2, column: expect.any(Number) });
    expect(await checkSource("const handler = 1;")).toMatchObject({ kind: "no_handler" });
    expect(await checkSource("function handler(w) { return w }")).toBeNull();
  });

  it("stops a runaway loop at the deadline, in the source or in the handler", async () => {
    const started = performance.now();
    const r = await run("function handler(w) { for (;;) {} }");
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout" } });
    // Stopped, not left running: the limit is CPU time, and on a loaded machine wall time is a multiple of it.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await checkSource("for (;;) {}\nfunction handler(w) { return w }")).toMatchObject({ kind: "timeout" });
  });

  it("stops a memory bomb and a runaway recursion, and stays usable afterwards", async () => {
    expect(await run("function handler(w) { return 'x'.repeat(64 * 1024 * 1024) }")).toMatchObject({ ok: false, error: { kind: "memory" } });
    expect(await run("function handler(w) { const a = []; for (;;) a.push({ a: 1, b: [1, 2, 3] }) }")).toMatchObject({ ok: false, error: { kind: expect.stringMatching(/memory|timeout/) } });
    expect(await run("function f(n) { return f(n + 1) + 1 }\nfunction handler(w) { return f(0) }")).toMatchObject({ ok: false, error: { kind: "stack" } });
    expect(await run("function handler(w) { return w }")).toMatchObject({ ok: true, cancel: false });
  });

  it("stops a call stuck inside builtins (between two interrupt checks) by terminating its thread; the next call runs", async () => {
    // Each push of a 1 MB string costs milliseconds of C with no deadline check in between: seconds in-thread.
    const started = performance.now();
    const r = await runTransformation("function handler(w) { const s = []; for (;;) s.push('x'.repeat(1 << 20)) }", {});
    expect(r).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(performance.now() - started).toBeLessThan(20_000); // as above: CPU time, not wall time
    expect(await runTransformation("function handler(w) { return w.n + 1 }", { n: 1 })).toMatchObject({ ok: true, value: 2 });
  });

  it("a busy server does not turn a quick call into a time-out: the answer that came in while it was blocked counts", async () => {
    await runTransformation("function handler(w) { return w }", {}); // the thread is up
    const answer = runTransformation("function handler(w) { return w.n + 1 }", { n: 1 });
    await new Promise((r) => setImmediate(r)); // the call is posted and its hard stop armed
    // Then this event loop blocks past the hard stop (a loaded CI machine, a long synchronous task): the
    // thread answered long before, and its answer waits behind the expired timer.
    const until = performance.now() + 1500;
    while (performance.now() < until);
    expect(await answer).toMatchObject({ ok: true, value: 2 });
  });

  it("reports a thrown error with where it was thrown", async () => {
    const r = await run("function handler(w) {\n  return w.payload.nope.deeper;\n}");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: "error", line: 2 });
    expect(failureReason(r.error)).toMatch(/^transformation: TypeError: .*\(line 2/);
  });

  it("has no host: no require, fetch, process, timers or console", async () => {
    const r = await runInSandbox("function handler() { return [typeof require, typeof fetch, typeof process, typeof setTimeout, typeof console, typeof std, typeof os].join(',') }", {});
    expect(r).toMatchObject({ ok: true, value: "undefined,undefined,undefined,undefined,undefined,undefined,undefined" });
  });

  it("a redefined JSON does not change how the result is read", async () => {
    const r = await run("JSON.stringify = () => 'owned';\nfunction handler(w) { w.payload = { ok: 1 }; return w }");
    expect(r).toMatchObject({ ok: true, request: { body: '{"ok":1}' } });
  });
});

describe("the webhook mapping", () => {
  it("hands over method, url, headers (content-type included) and the payload", async () => {
    const r = await runInSandbox("function handler(w) { return w }", { method: "POST", url: "u", headers: {}, payload: 1 });
    expect(r).toMatchObject({ ok: true, value: { method: "POST", url: "u", headers: {}, payload: 1 } });
    const seen = await run("function handler(w) { w.payload = { seen: JSON.parse(JSON.stringify(w)) }; return w }");
    expect(seen.ok && !seen.cancel && JSON.parse(seen.request.body).seen).toEqual({
      method: "POST",
      url: "https://receiver.example/in",
      headers: { "X-Team": "search", "content-type": "application/json" },
      payload: JSON.parse(changes.body),
    });
  });

  it("sends what the handler returns: payload, headers, url and method; fields left out keep their value", async () => {
    const r = await run("function handler(w) { return { payload: { text: w.payload.changes.length + ' change' }, headers: { ...w.headers, 'X-Extra': 'yes' }, method: 'put', url: 'https://other.example/x' } }");
    expect(r).toMatchObject({ ok: true, cancel: false, request: { method: "PUT", url: "https://other.example/x", contentType: "application/json", body: '{"text":"1 change"}', headers: { "X-Team": "search", "X-Extra": "yes" } } });
    const kept = await run("function handler(w) { return { headers: {} } }");
    expect(kept).toMatchObject({ ok: true, request: { method: "POST", url: changes.url, body: changes.body, headers: {} } });
  });

  it("keeps the signature, id, timestamp, token and framing headers ours, and lets content-type change", async () => {
    const r = await run("function handler(w) { w.headers['webhook-signature'] = 'v1,forged'; w.headers['Content-Length'] = '1'; w.headers['X-Indexhook-Token'] = 't'; w.headers['content-type'] = 'application/vnd.x+json'; return w }");
    expect(r).toMatchObject({ ok: true, request: { contentType: "application/vnd.x+json", headers: { "X-Team": "search" } }, ignoredHeaders: ["webhook-signature", "Content-Length", "X-Indexhook-Token"] });
  });

  it("task hooks: the NDJSON lines are an array, sent back as NDJSON (or JSON when it is no longer an array)", async () => {
    const tasks = { url: changes.url, headers: {}, contentType: "application/x-ndjson", body: '{"uid":1,"status":"succeeded"}\n{"uid":2,"status":"failed"}\n' };
    const filtered = await run("function handler(w) { w.payload = w.payload.filter((t) => t.status === 'failed'); return w }", tasks);
    expect(filtered).toMatchObject({ ok: true, request: { contentType: "application/x-ndjson", body: '{"uid":2,"status":"failed"}\n' } });
    const summary = await run("function handler(w) { w.payload = { failed: w.payload.filter((t) => t.status === 'failed').length }; return w }", tasks);
    expect(summary).toMatchObject({ ok: true, request: { contentType: "application/json", body: '{"failed":1}' } });
    const text = await run("function handler(w) { w.payload = 'plain'; return w }", tasks);
    expect(text).toMatchObject({ ok: true, request: { contentType: "text/plain; charset=utf-8", body: "plain" } });
  });

  it("cancel: true skips; a bad return fails with what is wrong", async () => {
    expect(await run("function handler(w) { return { ...w, cancel: true } }")).toMatchObject({ ok: true, cancel: true });
    for (const [src, why] of [
      ["function handler(w) {}", /returned nothing/],
      ["function handler(w) { return 42 }", /must return the webhook object/],
      ["function handler(w) { w.method = 'GET'; return w }", /method must be one of/],
      ["function handler(w) { w.url = 'ftp://x'; return w }", /url must be an absolute http/],
      ["function handler(w) { w.headers = { a: 1 }; return w }", /header a must be a string/],
      ["function handler(w) { w.headers = { 'bad name': 'x' }; return w }", /not a valid header name/],
      ["function handler(w) { w.headers = { a: 'x\\r\\nInjected: 1' }; return w }", /without line breaks/],
      ["async function handler(w) { return w }", /Promise/],
    ] as const) {
      const r = await run(src);
      expect(r.ok, src).toBe(false);
      if (!r.ok) expect(r.error.message, src).toMatch(why);
    }
  });
});
