import { listDocumentsContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";
import { listDocuments } from "@/lib/indexes/documents";

export const dynamic = "force-dynamic";

export const GET = route(listDocumentsContract, async ({ db, principal, params, query }) => {
  assertIndexInScope(principal, params.indexId);
  return listDocuments(db.db, params.indexId, query);
});
