import { auditCtx } from "@/lib/audit/context";
import { hookSecretContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { hookSecret } from "@/lib/hooks/hook-credentials";

export const dynamic = "force-dynamic";

export const POST = route(hookSecretContract, async ({ req, params, body, db, principal }) =>
  hookSecret({ db: db.db, uuid: params.uuid, action: body.action, ctx: auditCtx(principal, req) }),
);
