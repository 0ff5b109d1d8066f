import { diffPreviewContract } from "@/lib/contracts";
import { previewDiff } from "@/lib/deploy/history";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";

export const dynamic = "force-dynamic";

export const GET = route(diffPreviewContract, async ({ db, principal, params, query }) => {
  assertIndexInScope(principal, params.indexId);
  return previewDiff(db, params.indexId, query.limit);
});
