import { getDeliveryContract } from "@/lib/contracts";
import { seesHookSecrets } from "@/lib/auth/principal";
import { deliveryDetail } from "@/lib/delivery/queries";
import { redactHeaders } from "@/lib/hooks/redact";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(getDeliveryContract, async ({ db, params, principal }) => {
  const detail = await deliveryDetail(db.db, params.uuid, params.id);
  // The headers sent carry the hook's token and custom header values: a viewer sees them masked.
  return seesHookSecrets(principal) ? detail : { ...detail, headers: redactHeaders(detail.headers) };
});
