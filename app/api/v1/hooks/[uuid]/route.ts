import { auditCtx } from "@/lib/audit/context";
import { deleteHookContract, getHookContract, updateHookContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { deleteHook } from "@/lib/hooks/delete-hook";
import { getHook } from "@/lib/hooks/list-hooks";
import { updateHook } from "@/lib/hooks/update-hook";

export const dynamic = "force-dynamic";

export const GET = route(getHookContract, async ({ params, db }) => getHook({ db: db.db, uuid: params.uuid }));

export const PATCH = route(updateHookContract, async ({ req, params, body, db, principal }) =>
  updateHook({ db: db.db, uuid: params.uuid, input: body, ctx: auditCtx(principal, req) }),
);

export const DELETE = route(deleteHookContract, async ({ req, params, db, principal }) =>
  deleteHook({ db: db.db, uuid: params.uuid, ctx: auditCtx(principal, req) }),
);
