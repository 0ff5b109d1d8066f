// CORS for the browser-facing search routes (search, init, collect) and nothing else: public keys are
// meant for web pages on other origins (the Orama SDK's OramaClient). Management and ingestion routes
// export no OPTIONS handler and set no Access-Control-* header, so browsers never let another origin
// read them. Credentials are keys, never cookies: no Access-Control-Allow-Credentials, so a dashboard
// session can never be used from another origin.
import "server-only";
import type { Principal } from "../auth/principal";
import { originAllowed } from "../keys/origins";
import { AppError } from "../errors";

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

const ALLOW_METHODS = "GET, POST, OPTIONS";
// What OramaClient and plain fetch() send: the key as a bearer or `?api-key=`, JSON or form bodies.
const ALLOW_HEADERS = "Authorization, Content-Type";
const MAX_AGE_S = "86400"; // browsers cap it (Chromium: 2 h)

/**
 * The headers that let the calling page read the response: its Origin echoed (or `*` without one), and
 * Origin added to `vary` (the response's Vary so far). One function for route handlers and the fast lane.
 */
export function corsHeaders(origin: string | null, vary: string | null): { "Access-Control-Allow-Origin": string; Vary?: string } {
  if (!origin) return { "Access-Control-Allow-Origin": "*" };
  if (vary?.toLowerCase().split(/\s*,\s*/).includes("origin")) return { "Access-Control-Allow-Origin": origin };
  return { "Access-Control-Allow-Origin": origin, Vary: vary ? `${vary}, Origin` : "Origin" };
}

function allowOrigin(req: Request, headers: Headers): void {
  for (const [name, value] of Object.entries(corsHeaders(req.headers.get("origin"), headers.get("vary")))) headers.set(name, value);
}

/**
 * Wraps a route handler so every answer — errors included, so a page can read a 401 or a refused
 * origin's 403 — carries the CORS headers.
 */
export function withCors<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    const res = await handler(req, ctx);
    allowOrigin(req, res.headers);
    return res;
  };
}

/** What a preflight answers besides the origin headers (it carries no key: answered for any origin). */
export const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Methods": ALLOW_METHODS,
  "Access-Control-Allow-Headers": ALLOW_HEADERS,
  "Access-Control-Max-Age": MAX_AGE_S,
  "Cache-Control": "no-store",
} as const;

/** OPTIONS: the preflight is answered for any origin (it carries no key); the request itself is checked. */
export async function preflight(req: Request): Promise<Response> {
  const headers = new Headers(PREFLIGHT_HEADERS);
  allowOrigin(req, headers);
  return new Response(null, { status: 204, headers });
}

/**
 * A key limited to `allowedOrigins` is refused (403 origin_not_allowed) from any other browser origin.
 * Requests without an Origin header (servers, curl) pass: like Algolia's referer restriction this
 * protects a key shipped in a web page from reuse on other sites, it does not make the key a secret.
 */
export function assertOriginAllowed(req: Request, principal: Principal | null): void {
  assertOriginAllowedFor(req.headers.get("origin"), principal);
}

/** assertOriginAllowed for a request's Origin header value (null: none sent). */
export function assertOriginAllowedFor(origin: string | null, principal: Principal | null): void {
  if (principal?.type !== "key") return;
  const allowed = principal.key.allowedOrigins;
  if (!allowed?.length) return;
  if (origin === null || originAllowed(origin, allowed)) return;
  throw new AppError("origin_not_allowed", `This key may not be used from the origin ${origin}: it is limited to its allowed origins.`, { origin });
}
