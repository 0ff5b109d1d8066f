// Display helpers shared by the dashboard's tables and dialogs.

/** "2026-11-23 18:57 UTC" (deterministic, so server and browser render the same). */
export function formatTime(iso: string | null, none = "Never"): string {
  if (!iso) return none;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
