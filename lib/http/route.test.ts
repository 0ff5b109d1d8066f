// The contract is the truth: over every registered contract, what route() can answer is listed (and so
// documented); and route() itself refuses, loudly, to answer a status or a header its contract does not
// declare, answers the declared success status, and is the one place a media type is refused.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as contracts from "../contracts";
import { allResponses, registry, successStatus, type RouteContract } from "../contracts";
import type { DbHandle } from "../db";
import { AppError, ERROR_CODES } from "../errors";
import { freshDb } from "../testing/db";
import { reply, route } from "./route";

const name = (c: RouteContract) => `${c.method.toUpperCase()} ${c.path}`;
const statuses = (c: RouteContract) => Object.keys(allResponses(c)).map(Number).sort();

describe("every contract", () => {
  it.each(registry.map((c) => [name(c), c] as const))("%s lists one success status and what route() can answer", (_n, c) => {
    expect(successStatus(c), "exactly one 2xx").toBeDefined();
    const s = statuses(c);
    if (c.params || c.query || c.body || c.headers) expect(s).toContain(400);
    if (c.auth) expect(s).toEqual(expect.arrayContaining([401, 403]));
    if (c.body) expect(s).toEqual(expect.arrayContaining([413, 415]));
    if (c.headers && "idempotency-key" in c.headers.shape) expect(s).toContain(422);
    // An error status no code maps to could never be answered: the contract would be lying.
    const codeStatuses = new Set<number>(Object.values(ERROR_CODES));
    for (const st of s.filter((x) => x >= 400)) expect(codeStatuses.has(st), `${st} has an error code`).toBe(true);
  });

  it("is served by exactly one route file, and every route file serves contracts", () => {
    const root = path.resolve(__dirname, "../../app/api");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === "route.ts") files.push(path.join(dir, e.name));
      }
    };
    walk(root);
    // Prometheus' conventional path, outside /api.
    walk(path.resolve(__dirname, "../../app/metrics"));
    const used = new Map<string, string[]>();
    for (const f of files) {
      const src = fs.readFileSync(f, "utf8");
      for (const m of src.matchAll(/\broute\((\w+)/g)) used.set(m[1], [...(used.get(m[1]) ?? []), f]);
    }
    // The inspector maps one contract per method over the same handler (route(c, …)).
    const named = Object.entries(contracts as Record<string, unknown>).filter(([, v]) => registry.includes(v as RouteContract));
    for (const [contractName, c] of named) {
      if (contractName === "captureContracts") continue;
      expect(used.get(contractName)?.length ?? 0, `${contractName} (${name(c as RouteContract)}) is served once`).toBe(1);
    }
    // The webhook answers that replay say so, and only those declare it.
    const replaying = registry.filter((c) => Object.values(c.responses).some((r) => r.headers?.["idempotent-replayed"]));
    expect(replaying.map(name).sort()).toEqual(
      ["POST /api/v1/webhooks/{indexId}/deploy", "POST /api/v1/webhooks/{indexId}/notify", "POST /api/v1/webhooks/{indexId}/snapshot"].sort(),
    );
  });
});

describe("route() enforces its contract", () => {
  let h: DbHandle;
  const g = globalThis as typeof globalThis & { __indexhookDb?: Promise<DbHandle> };
  beforeAll(async () => {
    h = await freshDb();
    g.__indexhookDb = Promise.resolve(h); // getDb() in route() answers with this real, fresh database
  });
  afterAll(async () => {
    g.__indexhookDb = undefined;
    await h?.close();
  });

  // Not registered: built as contract() would, without adding to the OpenAPI registry.
  const base = { method: "post" as const, path: "/test/{id}", summary: "t", tags: ["t"], auth: null, params: z.object({ id: z.string() }) };
  const c = {
    ...base,
    body: z.object({ n: z.number() }),
    responses: { 201: { description: "made", headers: { "x-made": { description: "set by the handler" }, "cache-control": { description: "fixed", value: "no-store" } } }, 409: { description: "clash" } },
  } satisfies RouteContract;
  const call = (handler: Parameters<typeof route<typeof c>>[1], init: RequestInit = {}) =>
    route(c, handler)(new Request("http://x.test/test/a", { method: "POST", body: '{"n":1}', headers: { "content-type": "application/json" }, ...init }), {
      params: Promise.resolve({ id: "a" }),
    });

  it("answers a plain value with the single success status and the declared fixed headers", async () => {
    const res = await call(async ({ body }) => ({ got: body.n }));
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ got: 1 });
  });

  it("passes a declared header and a listed error status", async () => {
    expect((await call(async () => reply({}, { headers: { "x-made": "yes" } }))).headers.get("x-made")).toBe("yes");
    expect((await call(async () => { throw new AppError("conflict", "clash"); })).status).toBe(409);
  });

  it("refuses an unlisted status or an undeclared header with a 500 and the reason in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const gone = await call(async () => { throw new AppError("invite_expired", "gone"); });
      expect(gone.status).toBe(500);
      expect(String(log.mock.calls.at(-1))).toContain("answered 410, which its contract does not list");
      const header = await call(async () => reply({}, { headers: { "x-other": "1" } }));
      expect(header.status).toBe(500);
      expect(String(log.mock.calls.at(-1))).toContain("sets the header x-other");
      const twice = await call(async () => reply({}, { status: 200 }));
      expect(twice.status).toBe(500);
    } finally {
      log.mockRestore();
    }
  });

  it("answers what route() itself produces, all of it implicit in the contract: 400, 413, 415", async () => {
    const handler = async () => ({});
    expect((await call(handler, { body: "{nope" })).status).toBe(400);
    expect((await call(handler, { body: '{"n":"x"}' })).status).toBe(400);
    expect((await call(handler, { headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await call(handler, { body: JSON.stringify({ n: 1, pad: "x".repeat(1024 * 1024) }) })).status).toBe(413);
  });

  it("answers JSON, no body, a stream or text in the media type its contract declares", async () => {
    const typed = {
      ...base,
      method: "get" as const,
      responses: { 200: { description: "text", contentType: "text/plain; charset=utf-8" }, 201: { description: "json" }, 202: { description: "a file", contentType: "application/gzip" }, 203: { description: "an undeclared file" }, 204: { description: "none" } },
    } satisfies RouteContract;
    const run = (result: unknown) => route(typed, async () => result as object)(new Request("http://x.test/test/a"), { params: Promise.resolve({ id: "a" }) });
    const stream = () => new Response("bytes").body!;
    const text = await run(reply("a b", { status: 200 }));
    expect([text.headers.get("content-type"), await text.text()]).toEqual(["text/plain; charset=utf-8", "a b"]);
    // A string in a JSON answer is a JSON string.
    const json = await run(reply("a b", { status: 201 }));
    expect([json.headers.get("content-type"), await json.text()]).toEqual(["application/json", '"a b"']);
    const file = await run(reply(stream(), { status: 202 }));
    expect([file.headers.get("content-type"), await file.text()]).toEqual(["application/gzip", "bytes"]);
    const undeclared = await run(reply(stream(), { status: 203 }));
    expect([undeclared.headers.get("content-type"), await undeclared.text()]).toEqual(["application/octet-stream", "bytes"]);
    for (const none of [reply(null, { status: 204 }), reply({ ignored: true }, { status: 204 }), reply(undefined, { status: 201 })]) {
      const res = await run(none);
      expect([res.headers.get("content-type"), await res.text()]).toEqual([null, ""]);
    }
  });

  it("reads a raw body by its media type, counting a stream against the limit", async () => {
    const raw = {
      ...base,
      body: "raw",
      media: { "application/json": { read: "json" }, "application/x-ndjson": { read: "stream", maxBytes: 10 } },
      responses: { 200: { description: "ok" } },
    } satisfies RouteContract;
    const run = (type: string, body: string) =>
      route(raw, async ({ body: b }) => {
        if (b.read === "stream") return { text: await new Response(b.stream).text() };
        return { read: b.read, json: b.read === "json" ? b.json : null };
      })(new Request("http://x.test/test/a", { method: "POST", body, headers: { "content-type": type } }), { params: Promise.resolve({ id: "a" }) });
    expect(await (await run("application/json", "[1]")).json()).toEqual({ read: "json", json: [1] });
    expect(await (await run("application/x-ndjson", "1\n2\n")).json()).toEqual({ text: "1\n2\n" });
    const big = await run("application/x-ndjson", "1\n".repeat(20));
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatchObject({ code: "payload_too_large", details: { limit: 10 } });
    expect((await run("text/csv", "a,b")).status).toBe(415);
  });
});
