import { searchContract, searchGetContract } from "@/lib/contracts";
import { assertOriginAllowed, preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/http/scope";
import { searchLive } from "@/lib/search/live";
import { paramsFromPost, paramsFromQuery } from "@/lib/search/request";
import { searchResponse } from "@/lib/search/response";

export const dynamic = "force-dynamic";

// Browsers on any origin may search (public keys); a key's allowedOrigins narrows that.
export const OPTIONS = preflight;

export const POST = withCors(route(searchContract, async ({ req, db, principal, params }) => {
  assertOriginAllowed(req, principal);
  assertIndexInScope(principal, params.indexId);
  const { deploymentId: _d, ...result } = await searchLive(db, params.indexId, await paramsFromPost(req, searchContract.maxBodyBytes));
  return searchResponse(result);
}));

export const GET = withCors(route(searchGetContract, async ({ req, db, principal, params, query }) => {
  assertOriginAllowed(req, principal);
  assertIndexInScope(principal, params.indexId);
  const { deploymentId: _d, ...result } = await searchLive(db, params.indexId, paramsFromQuery(query.q));
  return searchResponse(result);
}));
