// Display helpers for audit entries (pure; shared by the table and the details view).
import type { Tone } from "@/components/ui/badge";

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
