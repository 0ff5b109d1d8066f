import { auditCtx } from "@/lib/audit/context";
import { revokeKeyContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { revokeKey } from "@/lib/keys/revoke-key";

export const dynamic = "force-dynamic";

export const DELETE = route(revokeKeyContract, async ({ req, params, principal, db }) =>
  revokeKey({ db: db.db, principal, input: { id: params.id }, ctx: auditCtx(principal, req) }),
);
