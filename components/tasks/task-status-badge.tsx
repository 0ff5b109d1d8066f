import { Badge } from "@/components/ui/badge";
import type { TaskDto } from "@/lib/contracts/tasks";
import { STATUS_TONE } from "./format";

export function TaskStatusBadge({ status }: { status: TaskDto["status"] }) {
  return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
}
