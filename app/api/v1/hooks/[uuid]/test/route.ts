import { auditCtx } from "@/lib/audit/context";
import { testHookContract } from "@/lib/contracts";
import { sendTestEvent } from "@/lib/delivery/replay";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(testHookContract, async ({ req, db, params, principal }) =>
  sendTestEvent(db, params.uuid, auditCtx(principal, req)),
);
