import { listCapturedContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { listCaptured } from "@/lib/inspector/capture";

export const dynamic = "force-dynamic";

// Credentials in captured headers come back redacted for every role (lib/hooks/redact.ts).
export const GET = route(listCapturedContract, async ({ params, query, db }) => ({
  results: await listCaptured({ db: db.db, binId: params.binId, after: query.after }),
}));
