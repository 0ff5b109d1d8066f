// One status vocabulary for keys, shared by the API, the verify path and the dashboard (no db here).
export type KeyStatus = "active" | "expired" | "revoked";

export function keyStatus(
  key: { revokedAt: Date | string | null; expiresAt: Date | string | null },
  now: Date = new Date(),
): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}
