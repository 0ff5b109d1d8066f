import { listCapturedContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { listCaptured } from "@/lib/inspector/capture";

export const dynamic = "force-dynamic";

export const GET = route(listCapturedContract, async ({ params, query, db }) => ({
  results: await listCaptured({ db: db.db, binId: params.binId, after: query.after }),
}));
