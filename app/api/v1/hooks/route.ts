import { auditCtx } from "@/lib/audit/context";
import { createHookContract, listHooksContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { createHook } from "@/lib/hooks/create-hook";
import { listHooks } from "@/lib/hooks/list-hooks";

export const dynamic = "force-dynamic";

export const GET = route(listHooksContract, async ({ db }) => ({ results: await listHooks({ db: db.db }) }));

export const POST = route(createHookContract, async ({ req, body, principal, db }) =>
  createHook({ db: db.db, principal, input: body, ctx: auditCtx(principal, req) }),
);
