import { searchContract, searchGetContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/http/scope";
import { searchLive } from "@/lib/search/live";
import { paramsFromPost, paramsFromQuery } from "@/lib/search/request";
import { searchResponse } from "@/lib/search/response";

export const dynamic = "force-dynamic";

export const POST = route(searchContract, async ({ req, db, principal, params }) => {
  assertIndexInScope(principal, params.indexId);
  const { deploymentId: _d, ...result } = await searchLive(db, params.indexId, await paramsFromPost(req, searchContract.maxBodyBytes));
  return searchResponse(result);
});

export const GET = route(searchGetContract, async ({ db, principal, params, query }) => {
  assertIndexInScope(principal, params.indexId);
  const { deploymentId: _d, ...result } = await searchLive(db, params.indexId, paramsFromQuery(query.q));
  return searchResponse(result);
});
