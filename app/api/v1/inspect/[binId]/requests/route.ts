import { listCapturedContract } from "@/lib/contracts";
import { seesHookSecrets } from "@/lib/auth/principal";
import { redactHeaders } from "@/lib/hooks/redact";
import { route } from "@/lib/http/route";
import { listCaptured } from "@/lib/inspector/capture";

export const dynamic = "force-dynamic";

export const GET = route(listCapturedContract, async ({ params, query, db, principal }) => {
  const results = await listCaptured({ db: db.db, binId: params.binId, after: query.after });
  // A hook aimed at a bin sends its token (and any custom auth header): a viewer sees them masked.
  return { results: seesHookSecrets(principal) ? results : results.map((r) => ({ ...r, headers: redactHeaders(r.headers) })) };
});
