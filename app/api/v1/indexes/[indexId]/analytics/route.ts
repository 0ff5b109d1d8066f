import { searchAnalyticsContract } from "@/lib/contracts";
import { assertIndexInScope } from "@/lib/auth/scope";
import { route } from "@/lib/http/route";
import { searchAnalytics } from "@/lib/analytics/query";

export const dynamic = "force-dynamic";

export const GET = route(searchAnalyticsContract, async ({ db, principal, params, query }) => {
  assertIndexInScope(principal, params.indexId);
  return searchAnalytics(db, params.indexId, query.window);
});
