// The public shape of a key row: everything but the hash (the secret itself is never stored).
import "server-only";
import type { ApiKeyDto } from "../contracts/keys";
import type { Action } from "../contracts/define";
import type { ApiKeyRow } from "../db/schema/api-keys";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDto(row: ApiKeyRow, createdByName: string | null): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    start: row.start,
    actions: row.actions as Action[],
    indexes: row.indexes,
    allowedOrigins: row.allowedOrigins,
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    createdBy: row.createdBy,
    createdByName,
    createdAt: row.createdAt.toISOString(),
    revokedAt: iso(row.revokedAt),
  };
}
