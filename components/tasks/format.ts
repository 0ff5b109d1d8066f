// Display helpers for tasks: ISO-8601 durations as words, and a task's details as labelled fields.
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

export interface DetailField {
  key: string;
  label: string;
  value: string;
}

/** Labels of the known details, most telling first (the table shows the first few). */
const LABELS: Record<string, string> = {
  version: "Version",
  targetVersion: "Back to version",
  receivedDocuments: "Documents received",
  receivedChanges: "Changes received",
  upserts: "To add or replace",
  updates: "To update",
  removes: "To remove",
  upserted: "Added",
  updated: "Changed",
  removed: "Removed",
  total: "Documents live",
  unchanged: "Unchanged",
  format: "Format",
  documents: "Documents",
  progress: "Progress",
  phase: "Phase",
  sizeBytes: "Size",
  secrets: "Secrets included",
  dumpUid: "Dump",
  attempts: "Attempts",
  lastError: "Last error",
};
const ORDER = Object.keys(LABELS);
const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);

/** Internal ids and whole objects the table has no words for; the sheet's raw JSON still has them. */
const HIDDEN = new Set(["deploymentId", "targetDeploymentId", "schema", "supersededBy"]);

/** "targetDeploymentId" → "Target deployment id", for keys without a label. */
const sentence = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;

function valueText(key: string, v: unknown): string {
  if (key === "format" && typeof v === "string") return v.toUpperCase();
  if (key === "sizeBytes" && typeof v === "number") return formatBytes(v);
  if (key === "progress" && typeof v === "number") return `${v}%`;
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v.toLocaleString("en-US");
  return String(v);
}

/**
 * A task's details as labelled fields in plain words ("Documents received: 2,000"), most telling first;
 * `supersededBy` is a sentence of its own (supersededNote), not a field.
 */
export function taskDetailFields(details: Record<string, unknown>, max = 6): DetailField[] {
  return Object.entries(details)
    .filter(([k, v]) => !HIDDEN.has(k) && (typeof v === "number" || typeof v === "string" || typeof v === "boolean"))
    .sort(([a], [b]) => rank(a) - rank(b))
    .slice(0, max)
    .map(([k, v]) => ({ key: k, label: LABELS[k] ?? sentence(k), value: valueText(k, v) }));
}

/** A snapshot or notify task whose changes a later snapshot replaced before any deploy applied them. */
export function supersededNote(details: Record<string, unknown>): { taskUid: number; text: string } | null {
  const by = Number(details.supersededBy);
  if (!Number.isInteger(by) || by <= 0) return null;
  return { taskUid: by, text: "replaced these changes before they were deployed, so none of them went live." };
}
