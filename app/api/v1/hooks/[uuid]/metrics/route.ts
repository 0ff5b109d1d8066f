import { hookMetricsContract } from "@/lib/contracts";
import { deliveryMetrics } from "@/lib/delivery/metrics";
import { hookOr404 } from "@/lib/delivery/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(hookMetricsContract, async ({ db, params, query }) => {
  await hookOr404(db.db, params.uuid);
  return deliveryMetrics(db, query.window, params.uuid);
});
