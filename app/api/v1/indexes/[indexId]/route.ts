import { auditCtx } from "@/lib/audit/context";
import { deleteIndexContract, getIndexContract, updateIndexContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { assertIndexInScope } from "@/lib/auth/scope";
import { deleteIndex, getIndex, updateIndex } from "@/lib/indexes/indexes";

export const dynamic = "force-dynamic";

export const GET = route(getIndexContract, async ({ db, principal, params }) => {
  assertIndexInScope(principal, params.indexId);
  return getIndex(db.db, params.indexId);
});

export const PATCH = route(updateIndexContract, async ({ req, db, principal, params, query, body }) => {
  assertIndexInScope(principal, params.indexId);
  return updateIndex({ db: db.db, id: params.indexId, input: body, ctx: auditCtx(principal, req), dryRun: query.dryRun });
});

export const DELETE = route(deleteIndexContract, async ({ req, db, principal, params }) => {
  assertIndexInScope(principal, params.indexId);
  await deleteIndex({ db: db.db, id: params.indexId, ctx: auditCtx(principal, req) });
  return { deleted: true as const, id: params.indexId };
});
