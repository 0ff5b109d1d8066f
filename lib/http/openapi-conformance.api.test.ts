// The OpenAPI document tells the truth about statuses: every operation of the document the server
// serves (GET /api/v1/openapi.json), called against a real server without a key — with no body, an
// empty body, random JSON, malformed JSON, a body of the documented shape with every field of the wrong
// type, a wrong content type, junk query parameters — answers only statuses the document lists for it,
// and never a 5xx. Then the same with the master key, where the input checks (400/404/413/415/422) are
// reached. Reuses the fuzz suite's values and sender (lib/testing/fuzz); seeded, so a failure repeats
// (CONFORMANCE_SEED=<n> for another draw).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fc } from "@fast-check/vitest";
import { registry } from "../contracts";
import { resolve, type Components, type JsonSchema } from "../openapi/render";
import { api, startServer, type TestServer } from "../testing/server";
import { send, type FuzzContext, type FuzzRequest } from "../testing/fuzz/harness";
import { encode, malformedJsonText, randomJson } from "../testing/fuzz/values";

type Op = {
  operationId: string;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, unknown>;
};
type Doc = { paths: Record<string, Record<string, Op>>; components?: Components };

const SEED = Number(process.env.CONFORMANCE_SEED ?? 14);
const INDEX = "conformance";

let server: TestServer;
let ctx: FuzzContext;
let doc: Doc;
let binId: string;

beforeAll(async () => {
  server = await startServer();
  ctx = { server, cookie: "" };
  const master = api(server);
  const made = await master("POST", "/api/v1/indexes", { id: INDEX, name: "Conformance", schema: { title: "string", year: "number" } });
  expect(made.status, made.text).toBe(201);
  binId = (await master("POST", "/api/v1/inspect")).json!.binId as string;
  const res = await fetch(`${server.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/**
 * A path with its parameters set: the real index (so public routes reach their logic), a real bin,
 * and an id nothing has for the rest — and for every DELETE, so the master-key pass removes nothing.
 */
function pathFor(path: string, method: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (method === "delete") return "nonexistent-id";
    if (name === "indexId") return INDEX;
    if (name === "binId") return binId;
    return "nonexistent-id";
  });
}

/** A value of another type than the schema says (a string for a number, an object for an array …). */
function wrongType(schema: JsonSchema | undefined, components?: Components): unknown {
  const s = resolve(schema, components) ?? schema ?? {};
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes("string") || s.enum || s.const !== undefined) return types.includes("number") || types.includes("integer") ? [true] : 12345;
  if (types.includes("number") || types.includes("integer")) return "not a number";
  if (types.includes("boolean")) return "yes";
  if (types.includes("array")) return { not: "an array" };
  if (types.includes("object") || s.properties) return ["not", "an", "object"];
  return Symbol.for("none");
}

/** The documented shape with every field of the wrong type; for an array body, one wrong item. */
function wrongTypesBody(schema: JsonSchema | undefined, components?: Components): unknown {
  const s = resolve(schema, components) ?? {};
  const obj = resolve(s.items, components) ?? s;
  const fields = Object.fromEntries(Object.entries(obj.properties ?? {}).map(([k, p]) => [k, wrongType(p, components)]).filter(([, v]) => typeof v !== "symbol"));
  const body = Object.keys(fields).length ? fields : wrongType(s, components);
  return s.items ? [body] : body;
}

interface Case {
  what: string;
  body?: string;
  contentType?: string;
  query?: string;
}

/** The requests each operation gets: the "empty body and junk", drawn reproducibly. */
function casesFor(method: string, op: Op, seed: number, components?: Components): Case[] {
  const junkQuery: Case[] = [
    { what: "junk query", query: "limit=abc&offset=-1&zz=%7B&q=%00" },
    { what: "unknown query", query: `${encode("x-unknown")}=1&limit=99999999999999999999` },
  ];
  if (method === "get") return [{ what: "no input" }, ...junkQuery];
  const media = Object.keys(op.requestBody?.content ?? { "application/json": {} });
  const first = media[0] === "*/*" ? "application/json" : media[0];
  const schema = op.requestBody?.content[media[0]]?.schema;
  const cases: Case[] = [
    { what: "no body" },
    { what: "empty body", body: "", contentType: first },
    { what: "empty JSON object", body: "{}", contentType: "application/json" },
    { what: "wrong types", body: JSON.stringify(wrongTypesBody(schema, components)) ?? "null", contentType: "application/json" },
    { what: "wrong content type", body: "a,b\n1,2\n", contentType: "text/csv" },
    ...junkQuery.slice(0, 1),
  ];
  const random = fc.sample(randomJson(3), { numRuns: 4, seed });
  random.forEach((v, i) => cases.push({ what: `random JSON #${i + 1}`, body: JSON.stringify(v) ?? "null", contentType: "application/json" }));
  fc.sample(malformedJsonText, { numRuns: 2, seed }).forEach((text, i) => cases.push({ what: `malformed JSON #${i + 1}`, body: text, contentType: "application/json" }));
  return cases;
}

/**
 * The operations, one test each. The tests must be known before beforeAll fetches the document, so they
 * come from the contracts the server is built from; the first test checks the served document lists
 * exactly these.
 */
function operations(): { name: string; path: string; method: string }[] {
  return registry.map((c) => ({ name: `${c.method.toUpperCase()} ${c.path}`, path: c.path, method: c.method }));
}

async function check(path: string, method: string, caller: FuzzRequest["caller"], d: Doc = doc) {
  const op = d.paths[path]?.[method];
  expect(op, `${method.toUpperCase()} ${path} is in the served document`).toBeDefined();
  const listed = Object.keys(op.responses);
  const seed = SEED + [...op.operationId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0);
  const wrong: string[] = [];
  for (const c of casesFor(method, op, seed, d.components)) {
    const req: FuzzRequest = { method: method.toUpperCase(), path: pathFor(path, method), query: c.query ?? "", body: c.body, contentType: c.contentType, caller };
    const res = await send(ctx, req);
    if (res.status >= 500 || !(listed.includes(String(res.status)) || listed.includes("default"))) {
      wrong.push(`${c.what}: ${res.status} (documented: ${listed.join(", ")}) ${res.text.slice(0, 300)}`);
    }
  }
  expect(wrong, `${op.operationId} answered statuses its document does not list:\n${wrong.join("\n")}\n--- server log ---\n${wrong.length ? server.logs().slice(-1500) : ""}`).toEqual([]);
}

describe("every operation in the document answers only documented statuses", () => {
  const ops = operations();

  it("the served document lists every contract, and nothing else", () => {
    const served = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
    expect(served.sort()).toEqual(ops.map((o) => o.name).sort());
  });

  it("fails on an answer the document does not list (the check can fail)", async () => {
    const listKeys = doc.paths["/api/v1/keys"];
    const { 401: _gone, ...responses } = listKeys.get.responses;
    const lying: Doc = { ...doc, paths: { ...doc.paths, "/api/v1/keys": { ...listKeys, get: { ...listKeys.get, responses } } } };
    await expect(check("/api/v1/keys", "get", "none", lying)).rejects.toThrow(/listKeys answered statuses its document does not list:\nno input: 401/);
  });

  describe("without a key", () => {
    it.each(ops.map((o) => [o.name, o] as const))("%s", async (_n, o) => check(o.path, o.method, "none"), 60_000);
  });

  describe("with the master key (input checks reached)", () => {
    it.each(ops.map((o) => [o.name, o] as const))("%s", async (_n, o) => check(o.path, o.method, "master"), 60_000);
  });
});
