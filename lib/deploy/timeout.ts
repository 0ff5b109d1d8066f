// The deploy time limit's reason, shared by the lane that enforces it and the stale-deploy recovery.
import { env } from "../env";

export class DeployTimeoutError extends Error {
  readonly code = "deploy_timeout";
}

function formatMs(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function timeoutReason(ms = env().DEPLOY_TIMEOUT_MS): string {
  return `deploy exceeded DEPLOY_TIMEOUT_MS (${formatMs(ms)}) and was stopped; the previous version stays live`;
}
