import { getDeliveryContract } from "@/lib/contracts";
import { deliveryDetail } from "@/lib/delivery/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The headers sent come back redacted for every role (lib/hooks/redact.ts).
export const GET = route(getDeliveryContract, async ({ db, params }) => deliveryDetail(db.db, params.uuid, params.id));
