import { Badge, type Tone } from "@/components/ui/badge";
import type { DeliverySummary } from "@/lib/contracts/deliveries";

const TONE: Record<DeliverySummary["status"], Tone> = { pending: "info", succeeded: "success", failed: "warning", dead: "danger", cancelled: "neutral" };
// "failed" is still being retried: say so, so it does not read as final.
const LABEL: Record<DeliverySummary["status"], string> = { pending: "pending", succeeded: "delivered", failed: "retrying", dead: "failed", cancelled: "cancelled" };

export function DeliveryStatusBadge({ status }: { status: DeliverySummary["status"] }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
