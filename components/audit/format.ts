// Display helpers for audit entries (pure; shared by the table and the details view).
import type { Tone } from "@/components/ui/badge";

/** "3 min ago"; the absolute time goes in the title. */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 30 * 86400) return `${Math.round(s / 86400)} d ago`;
  return iso.slice(0, 10);
}

/** "2026-11-29 21:40:12 UTC" */
export const absoluteTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export function actionTone(action: string): Tone {
  if (/failed|refused|deleted|revoked|disabled|regenerated|failed_closed/.test(action)) return "danger";
  if (/revealed|rotated|rolled_back|paused|role_changed|token_set/.test(action)) return "warning";
  if (/created|invited|admitted|accepted|signed_in|enabled|resumed/.test(action)) return "success";
  return "info";
}

/** Fields of a before/after pair, in a stable order (before's first, then after's new ones). */
export function diffRows(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((k) => ({ field: k, before: before?.[k], after: after?.[k], changed: JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]) }));
}

export const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v, null, 2));
