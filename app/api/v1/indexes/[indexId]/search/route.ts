import { searchContract, searchGetContract } from "@/lib/contracts";
import { preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { assertMaySearch, searchIndex, searchParamsOfBody, searchParamsOfQuery } from "@/lib/http/search-endpoints";

export const dynamic = "force-dynamic";

// The production server answers these in its fast lane (lib/http/fast-lane.ts) when the request carries
// a key; these handlers serve the rest (dashboard sessions) and `next start` / `next dev`. Same verbs.

// Browsers on any origin may search (public keys); a key's allowedOrigins narrows that.
export const OPTIONS = preflight;

// The contract reads the body (JSON or the SDK's form, 1 MiB) and sets Cache-Control on the answer.
export const POST = withCors(route(searchContract, async ({ req, db, principal, params, body }) => {
  assertMaySearch(principal, req.headers.get("origin"), params.indexId);
  return searchIndex(db, params.indexId, searchParamsOfBody(body));
}));

export const GET = withCors(route(searchGetContract, async ({ req, db, principal, params, query }) => {
  assertMaySearch(principal, req.headers.get("origin"), params.indexId);
  return searchIndex(db, params.indexId, searchParamsOfQuery(query.q));
}));
