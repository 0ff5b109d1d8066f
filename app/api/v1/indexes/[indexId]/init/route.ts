import { initContract } from "@/lib/contracts";
import { preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { assertMaySearch, initAnswer } from "@/lib/http/search-endpoints";

export const dynamic = "force-dynamic";

// What the SDK's OramaClient asks for on start-up; telemetry goes to our discard endpoint. The
// production server answers it in its fast lane (lib/http/fast-lane.ts) when the request carries a key.
export const OPTIONS = preflight;

export const GET = withCors(route(initContract, async ({ req, db, principal, params }) => {
  assertMaySearch(principal, req.headers.get("origin"), params.indexId);
  return initAnswer(db, params.indexId, req.url);
}));
