// The search fast lane: the production server (scripts/server.mjs) answers keyed search requests from
// node:http before Next's pipeline sees them — `POST`/`GET /api/v1/indexes/{id}/search`, `GET …/init`
// (the Orama SDK's endpoint is /api/v1/indexes/{id}) and their CORS preflights. Everything else, and a
// search without a key (a dashboard session, read by Next), goes to Next. Same contract, auth, key cache,
// verbs (lib/http/search-endpoints.ts), error envelope, CORS and headers as the route handlers; the result
// is JSON text made in the search thread and written to the socket once. Answers carry
// `x-indexhook-lane: fast` (docs/speed.md). The database handle and the search pool are the process's
// (globalThis), shared with Next's handlers.
import "server-only";
// Types of an inbound server's messages (nothing is requested from here): the outbound-client rule does not apply.
// eslint-disable-next-line no-restricted-syntax
import type { IncomingMessage, ServerResponse } from "node:http";
import { allResponses, type RouteContract } from "../contracts/define";
import { initContract, searchContract, searchGetContract } from "../contracts";
import { getDb } from "../db";
import { env } from "../env";
import { payloadTooLarge } from "../errors";
import { authenticateToken, bearerOf } from "./authenticate-key";
import { acceptedMedia, decodeBody, limitOf, mediaTypeOf, parseWith, type ReadBody } from "./body";
import { ContractViolation, violation } from "./contract-check";
import { corsHeaders, PREFLIGHT_HEADERS } from "./cors";
import { errorPayload } from "./errors";
import { assertMaySearch, initAnswer, searchIndexJson, searchParamsOfBody, searchParamsOfQuery } from "./search-endpoints";
import { SECURITY_HEADERS } from "./security-headers";

/** Set on every answer of the fast lane (and only there): how a test or an operator tells the lanes apart. */
export const LANE_HEADER = "x-indexhook-lane";

const PATH = /^\/api\/v1\/indexes\/([^/?#]+)\/(search|init)(?:\?|$)/;
const SECURITY = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));

export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

/** `port`: the server's, for init's collectUrl (the origin Next's handlers see: localhost:<port>). */
export function createFastLane({ port }: { port: number }): FastLane {
  const mode = env().SEARCH_FAST_LANE;
  return (req, res) => {
    if (mode === "off") return false;
    const url = req.url ?? "";
    const m = PATH.exec(url);
    if (!m) return false;
    if (mode === "switchable" && req.headers[LANE_HEADER] === "next") return false;
    const method = req.method;
    if (method === "OPTIONS") {
      send(res, 204, null, { ...PREFLIGHT_HEADERS, ...corsHeaders(origin(req), null) });
      return true;
    }
    const c = m[2] === "init" ? (method === "GET" ? initContract : null) : method === "POST" ? searchContract : method === "GET" ? searchGetContract : null;
    if (!c) return false; // another method: Next's 405
    const q = url.indexOf("?");
    const query = q < 0 ? null : new URLSearchParams(url.slice(q + 1));
    // Without a key the caller is a dashboard session (or nobody): Next reads the cookie and answers.
    const token = bearerOf(req.headers.authorization) ?? query?.get("api-key") ?? null;
    if (!token) return false;
    void serve(c, req, res, { token, rawIndexId: m[1], query, port });
    return true;
  };
}

const origin = (req: IncomingMessage) => (req.headers.origin as string | undefined) ?? null;

type Parsed = { token: string; rawIndexId: string; query: URLSearchParams | null; port: number };

/** route()'s order: authenticate, then path parameters, query, body; then the endpoint's own checks. */
async function serve(c: RouteContract, req: IncomingMessage, res: ServerResponse, p: Parsed): Promise<void> {
  const cors = corsHeaders(origin(req), null);
  try {
    const principal = await authenticateToken(p.token, c.auth!);
    const { indexId } = parseWith(c.params!, { indexId: decodeSegment(p.rawIndexId) }, "path parameters") as { indexId: string };
    const query = c.query ? (parseWith(c.query, Object.fromEntries(p.query ?? []), "query parameters") as { q: string }) : undefined;
    const body = c.body === "raw" ? await readBody(c, req) : undefined;
    const db = await getDb();
    assertMaySearch(principal, origin(req), indexId);
    if (c === initContract) {
      const proto = String(req.headers["x-forwarded-proto"] ?? "").includes("https") ? "https" : "http";
      const answer = await initAnswer(db, indexId, `${proto}://localhost:${p.port}${req.url}`);
      return send(res, 200, JSON.stringify(answer), { ...declared(c, 200), "content-type": "application/json", ...cors });
    }
    const params = body ? searchParamsOfBody(body) : searchParamsOfQuery(query!.q);
    const json = await searchIndexJson(db, indexId, params);
    send(res, 200, json, { ...declared(c, 200), "content-type": "application/json", ...cors });
  } catch (err) {
    let { status, body } = errorPayload(err);
    if (status !== 500 && !(status in allResponses(c))) {
      try {
        violation(c, `answered ${status}, which its contract does not list`);
      } catch (violated) {
        ({ status, body } = errorPayload(violated));
      }
    }
    if (res.headersSent) return void res.destroy();
    send(res, status, JSON.stringify(body), { "content-type": "application/json", ...cors });
  }
}

/** Headers with a fixed value the contract declares for a status (Cache-Control on search answers). */
function declared(c: RouteContract, status: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, h] of Object.entries(c.responses[status]?.headers ?? {})) if (h.value !== undefined) out[name] = h.value;
  return out;
}

/** Head and body in one write (Node corks a writeHead followed by end(body)). */
function send(res: ServerResponse, status: number, body: string | null, headers: Record<string, string>): void {
  const all: Record<string, string | number> = { ...SECURITY, ...headers, [LANE_HEADER]: "fast" };
  if (body !== null) all["content-length"] = Buffer.byteLength(body);
  res.writeHead(status, all);
  res.end(body ?? undefined);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // scripts/server-preload.mjs answers malformed escapes before this runs
  }
}

/** As lib/http/body.ts readBody: the contract's media type (415), its limit (413), decoding (400). */
async function readBody(c: RouteContract, req: IncomingMessage): Promise<ReadBody> {
  const { mediaType, spec } = acceptedMedia(c, mediaTypeOf(req.headers["content-type"]));
  if (spec.read === "stream") throw new ContractViolation(`${c.method.toUpperCase()} ${c.path}: the fast lane does not stream bodies.`);
  const limit = limitOf(spec);
  if (Number(req.headers["content-length"] ?? NaN) > limit) throw payloadTooLarge(limit);
  return decodeBody(spec, mediaType, await readText(req, limit));
}

function readText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.resume(); // the rest is read and dropped; the answer goes out now
        return reject(payloadTooLarge(limit));
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
