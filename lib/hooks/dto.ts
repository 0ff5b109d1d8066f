// The public shape of a hook row: no secret, no token, header values redacted, a derived status.
import "server-only";
import type { HookDto, HookStatus } from "../contracts/hooks";
import type { Hook } from "../db/schema/hooks";
import { redactHeaders } from "./redact";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Auto-paused = paused by the delivery engine ("auto: …", "gone: 410"), not by a person. */
export function hookStatus(row: Pick<Hook, "paused" | "pausedReason" | "failingSince">): HookStatus {
  if (row.paused) return row.pausedReason && row.pausedReason !== "manual" ? "auto-paused" : "paused";
  return row.failingSince ? "failing" : "active";
}

/**
 * What the audit log keeps of a hook: never the secret or token, and only the header names (a header
 * value is often a credential; even its redacted tail is not written).
 */
export function auditView(row: Pick<Hook, "kind" | "url" | "headers" | "paused" | "filters" | "mode" | "signing" | "rateLimit">) {
  return {
    kind: row.kind,
    url: row.url,
    headerNames: Object.keys(row.headers).sort(),
    paused: row.paused,
    filters: row.filters,
    mode: row.mode,
    signing: row.signing,
    rateLimit: row.rateLimit,
  };
}

export function toHookDto(row: Hook): HookDto {
  // A past grace period is noise: the old key no longer signs.
  const graceLive = !!row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
  return {
    uuid: row.uuid,
    kind: row.kind,
    url: row.mode === "poll" ? null : row.url,
    mode: row.mode,
    signing: row.signing,
    // Public keys are not secrets: receivers need them to verify, so every read shows them.
    publicKey: row.publicKey,
    previousPublicKey: graceLive ? row.previousPublicKey : null,
    headers: redactHeaders(row.headers),
    paused: row.paused,
    pausedReason: row.pausedReason,
    filters: row.filters,
    isEditable: row.isEditable,
    status: hookStatus(row),
    failingSince: iso(row.failingSince),
    previousSecretExpiresAt: graceLive ? iso(row.previousSecretExpiresAt) : null,
    rateLimit: row.rateLimit,
    transformation: row.transformation ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
