import { listDeliveriesContract } from "@/lib/contracts";
import { listDeliveries } from "@/lib/delivery/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(listDeliveriesContract, async ({ db, params, query }) => listDeliveries(db.db, params.uuid, query));
