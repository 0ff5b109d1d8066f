import { auditCtx } from "@/lib/audit/context";
import { hookTokenContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { hookToken } from "@/lib/hooks/hook-credentials";

export const dynamic = "force-dynamic";

export const POST = route(hookTokenContract, async ({ req, params, body, db, principal }) =>
  hookToken({ db: db.db, uuid: params.uuid, input: body, ctx: auditCtx(principal, req) }),
);
