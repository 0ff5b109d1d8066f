// One arbitrary of whole requests per route contract: path parameters (real ids or odd ones), query
// strings (from the contract's schema, with unknown parameters and bad values), bodies (from the
// contract's zod schema, the raw routes' own generators, random JSON, malformed JSON, wrong content
// types) and the caller (master key or an admin session, as the contract admits).
import { z } from "zod";
import { fc } from "@fast-check/vitest";
import type { RouteContract } from "../../contracts";
import { arbFromZod } from "./from-schema";
import { notifyBody, oramaSchemaArb, searchBody, snapshotBody } from "./domain";
import type { FuzzRequest } from "./harness";
import { contentType, deepJsonText, encode, malformedJsonText, oddId, oddString, randomJson } from "./values";

/** Real ids the routes should find, by parameter name; per route where one name means different things. */
export type RealIds = (c: RouteContract, param: string) => string[];

export interface RouteArbOptions {
  ownUrl: string;
  realIds: RealIds;
  /** Extra known values for body fields (invite tokens…). */
  known?: Record<string, unknown[]>;
}

export function requestArb(c: RouteContract, opts: RouteArbOptions): fc.Arbitrary<FuzzRequest> {
  const method = c.method.toUpperCase();
  const callers: FuzzRequest["caller"][] = c.auth === null ? ["none"] : c.auth.key === false ? ["session"] : c.auth.session === false ? ["master"] : ["master", "session"];
  return fc.record({
    method: fc.constant(method),
    path: pathArb(c, opts),
    query: c.path.endsWith("/search") && method === "GET" ? fc.oneof(searchQueryArb(), queryArb(c)) : queryArb(c),
    caller: fc.constantFrom(...callers),
    // fetch cannot send a GET body; a DELETE body is rare and must be ignored.
    payload: method === "GET" ? fc.constant(null) : method === "DELETE" ? fc.option(bodyArb(c, opts), { freq: 8 }) : bodyArb(c, opts),
  }).map(({ payload, ...r }) => (payload ? { ...r, body: payload.text, contentType: payload.type } : r));
}

function pathArb(c: RouteContract, opts: RouteArbOptions): fc.Arbitrary<string> {
  const names = [...c.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (!names.length) return fc.constant(c.path);
  const parts = names.map((n) => {
    const real = opts.realIds(c, n);
    return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real.map(encode)) }, { weight: 2, arbitrary: oddId }) : oddId;
  });
  return fc.tuple(...parts).map((values) => names.reduce((p, n, i) => p.replace(`{${n}}`, values[i]), c.path));
}

/** Query values as a client would send them: arrays comma-separated (Meilisearch's style), objects as JSON. */
function toQueryString(obj: unknown): string {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return `value=${encode(JSON.stringify(obj) ?? "")}`;
  return Object.entries(obj)
    .map(([k, v]) => `${encode(k)}=${encode(Array.isArray(v) ? v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(",") : typeof v === "object" ? (JSON.stringify(v) ?? "") : String(v))}`)
    .join("&");
}

function queryArb(c: RouteContract): fc.Arbitrary<string> {
  const unknown = fc.dictionary(oddString, oddString, { maxKeys: 3 }).map(toQueryString);
  const raw = fc.constantFrom("&&", "=", "a=%zz", "%00=%00", "limit=1&limit=2", "limit=", "limit=-1", "limit=1e3", "limit=99999999999999999999", "from=abc", "q=%7B", "api-key=x", "uids=1,,2", "statuses=", "before=not-a-date");
  const fromContract = c.query ? arbFromZod(c.query).map(toQueryString) : fc.constant("");
  return fc.oneof(
    { weight: 3, arbitrary: fromContract },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.tuple(fromContract, unknown).map(([a, b]) => [a, b].filter(Boolean).join("&")) },
    { weight: 1, arbitrary: raw },
  );
}

interface Payload {
  text: string;
  type?: string;
}

const json = (v: unknown, type = "application/json"): Payload => ({ text: JSON.stringify(v) ?? "null", type });

/** Bodies any route must survive: random JSON, broken JSON, a right body with a wrong content type, deep nesting. */
function junkBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    { weight: 2, arbitrary: randomJson(4).map((v) => json(v)) },
    { weight: 2, arbitrary: malformedJsonText.map((text) => ({ text, type: "application/json" })) },
    { weight: 1, arbitrary: fc.tuple(valid, contentType).map(([v, type]) => json(v, type)) },
    { weight: 1, arbitrary: valid.map((v) => ({ text: JSON.stringify(v) ?? "" })) },
    // Deep nesting: within the limit (50), just over it (200) and thousands deep (once a stack overflow).
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(50, 200, 5000), fc.constantFrom("array", "object") as fc.Arbitrary<"array" | "object">).map(([d, k]) => ({ text: deepJsonText(d, k), type: "application/json" })) },
  );
}

function bodyArb(c: RouteContract, opts: RouteArbOptions): fc.Arbitrary<Payload> {
  const raw = rawBody(c);
  if (raw) return fc.oneof({ weight: 6, arbitrary: raw }, { weight: 2, arbitrary: junkBody(randomJson(2)) });
  if (c.body && c.body !== "raw") {
    const valid = bodyValueArb(c, c.body, opts);
    return fc.oneof({ weight: 6, arbitrary: valid.map((v) => json(v)) }, { weight: 3, arbitrary: junkBody(valid) });
  }
  // A route without a body (deploy, test, retry…): whatever is sent must be ignored or refused.
  return fc.oneof({ weight: 3, arbitrary: fc.constant({ text: "" }) }, { weight: 1, arbitrary: junkBody(randomJson(2)) });
}

function bodyValueArb(c: RouteContract, schema: z.ZodType, opts: RouteArbOptions): fc.Arbitrary<unknown> {
  const fromSchema = arbFromZod(schema, { ownUrl: opts.ownUrl, known: opts.known });
  // Schemas zod describes only as "a record": Orama's schema format gets its own generator.
  if (c.path.endsWith("/update-schema")) return fc.oneof(oramaSchemaArb, oramaSchemaArb.map((schema) => ({ schema })), fromSchema);
  if (c.path === "/api/v1/indexes" || c.path === "/api/v1/indexes/{indexId}") {
    return fc.tuple(fromSchema, fc.option(oramaSchemaArb)).map(([b, schema]) => (schema && b && typeof b === "object" ? { ...b, schema } : b));
  }
  return fromSchema;
}

function rawBody(c: RouteContract): fc.Arbitrary<Payload> | null {
  if (c.path.endsWith("/search") && c.method === "post") {
    return fc.oneof(
      { weight: 4, arbitrary: searchBody.map((b) => json(b)) },
      { weight: 1, arbitrary: searchBody.map((b) => ({ text: `q=${encode(JSON.stringify(b) ?? "")}`, type: "application/x-www-form-urlencoded" })) },
    );
  }
  if (c.path.endsWith("/notify")) return notifyBody.map((b) => json(b));
  if (c.path.endsWith("/snapshot")) return snapshotBody;
  if (c.path.startsWith("/api/v1/inspect/")) return fc.tuple(fc.oneof(oddString, randomJson(3).map((v) => JSON.stringify(v) ?? "")), contentType).map(([text, type]) => ({ text, type }));
  return null;
}

/** GET search carries its parameters in `?q=`: a route-specific query generator. */
export function searchQueryArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: searchBody.map((b) => `q=${encode(JSON.stringify(b) ?? "")}`) },
    { weight: 1, arbitrary: fc.oneof(oddString, malformedJsonText).map((s) => `q=${encode(s)}`) },
    { weight: 1, arbitrary: fc.constantFrom("q=", "q=apple", "q=%7B%7D&q=x", "q=%zz", `q=${"x".repeat(100_001)}`) },
  );
}
