import { auditCtx } from "@/lib/audit/context";
import { retryDeliveryContract } from "@/lib/contracts";
import { replayDelivery } from "@/lib/delivery/replay";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(retryDeliveryContract, async ({ req, db, params, principal }) =>
  replayDelivery(db, params.uuid, params.id, auditCtx(principal, req)),
);
