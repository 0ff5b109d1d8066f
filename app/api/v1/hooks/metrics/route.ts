import { allHooksMetricsContract } from "@/lib/contracts";
import { deliveryMetrics } from "@/lib/delivery/metrics";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(allHooksMetricsContract, async ({ db, query }) => deliveryMetrics(db, query.window));
