// Display helpers for tasks: ISO-8601 durations, dates, and a task's details as short counts.
import type { Tone } from "@/components/ui/badge";
import type { TaskDto } from "@/lib/contracts/tasks";

export const TASK_STATUSES = ["enqueued", "processing", "succeeded", "failed", "canceled"] as const;
export const TASK_TYPES = ["snapshot", "notify", "deploy", "rollback", "updateSchema", "dumpCreation"] as const;

export const STATUS_TONE: Record<TaskDto["status"], Tone> = {
  enqueued: "neutral",
  processing: "info",
  succeeded: "success",
  failed: "danger",
  canceled: "warning",
};

/** `PT1.234S`, `PT2M3S` … → "1.23 s", "2 min 3 s". */
export function formatDuration(iso: string | null): string {
  if (!iso) return "—";
  const m = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!m) return iso;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  const total = d * 86400 + h * 3600 + min * 60 + s;
  if (total < 1) return `${Math.round(total * 1000)} ms`;
  if (total < 60) return `${total.toFixed(2)} s`;
  return `${Math.floor(total / 60)} min ${Math.round(total % 60)} s`;
}

/** Numeric details as "key: value" pairs, e.g. "receivedDocuments: 12". */
export function detailCounts(details: Record<string, unknown>): [string, string][] {
  return Object.entries(details)
    .filter(([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    .slice(0, 5)
    .map(([k, v]) => [k, String(v)]);
}
