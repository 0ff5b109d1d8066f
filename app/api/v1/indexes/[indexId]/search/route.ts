import { searchContract, searchGetContract } from "@/lib/contracts";
import { assertIndexInScope } from "@/lib/auth/scope";
import { assertOriginAllowed, preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { recordSearch } from "@/lib/analytics/record";
import { searchLive } from "@/lib/search/live";
import { parseSearchParams, searchParamsFromForm, searchParamsFromQ } from "@/lib/search/params";

export const dynamic = "force-dynamic";

// Browsers on any origin may search (public keys); a key's allowedOrigins narrows that.
export const OPTIONS = preflight;

// The contract reads the body (JSON or the SDK's form, 1 MiB) and sets Cache-Control on the answer.
export const POST = withCors(route(searchContract, async ({ req, db, principal, params, body }) => {
  assertOriginAllowed(req, principal);
  assertIndexInScope(principal, params.indexId);
  const search = body.read === "form" ? searchParamsFromForm(body.form) : parseSearchParams(body.read === "json" ? body.json : undefined);
  const { deploymentId: _d, latencyMs: _l, ...result } = await recordSearch(db, params.indexId, search, searchLive(db, params.indexId, search));
  return result;
}));

export const GET = withCors(route(searchGetContract, async ({ req, db, principal, params, query }) => {
  assertOriginAllowed(req, principal);
  assertIndexInScope(principal, params.indexId);
  const search = searchParamsFromQ(query.q);
  const { deploymentId: _d, latencyMs: _l, ...result } = await recordSearch(db, params.indexId, search, searchLive(db, params.indexId, search));
  return result;
}));
