import { auditCtx } from "@/lib/audit/context";
import { createIndexContract, listIndexesContract } from "@/lib/contracts";
import { indexScope } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { assertAllIndexes } from "@/lib/auth/scope";
import { createIndex, listIndexes } from "@/lib/indexes/indexes";

export const dynamic = "force-dynamic";

export const GET = route(listIndexesContract, async ({ db, principal }) => ({
  results: await listIndexes(db.db, indexScope(principal)),
}));

export const POST = route(createIndexContract, async ({ req, db, principal, body }) => {
  assertAllIndexes(principal);
  return createIndex({ db: db.db, input: body, ctx: auditCtx(principal, req) });
});
