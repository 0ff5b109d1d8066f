// The new-user policy webhook: one signed, SSRF-guarded POST of { userId, email } that must answer any
// 2xx with { ok, action, userData? }. Every other outcome is an exchange with no verdict and a short
// reason, and the caller fails closed. No redirects are followed (safeRequest never follows them).
import "server-only";
import { policyVerdictSchema, type PolicyVerdict } from "../contracts/registration";
import { env } from "../env";
import { errorReason, safeRequest, SsrfError, type SafeResponse } from "../net/outbound";
import { newWebhookId, sign, USER_AGENT } from "../net/signing";

export interface PolicyExchange {
  request: { url: string; headers: Record<string, string>; body: string };
  response: Omit<SafeResponse, "latencyMs" | "truncated"> | null;
  verdict: PolicyVerdict | null;
  /** Why no verdict: "timeout after 10000 ms", "HTTP 500", "invalid JSON", "unexpected shape: …", an SSRF refusal … */
  error: string | null;
  latencyMs: number;
}

export function policyTimeoutMs(): number {
  return env().POLICY_HOOK_TIMEOUT_MS;
}

/** Standard Webhooks headers, signed as outbound hooks sign (there is no per-hook token here). */
export function policyHeaders(secret: string, body: string, now = new Date()): Record<string, string> {
  const webhookId = newWebhookId();
  return {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": sign(secret, webhookId, now, body),
  };
}

function shapeProblem(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const where = first.path.length ? first.path.map(String).join(".") : "body";
  return `unexpected shape: ${where}: ${first.message}`;
}

/** Sends the request and reports everything; never throws for a failure of the receiver. */
export async function exchangePolicyHook(url: string, secret: string, payload: { userId: string; email: string }): Promise<PolicyExchange> {
  const body = JSON.stringify({ userId: payload.userId, email: payload.email });
  const headers = policyHeaders(secret, body);
  const request = { url, headers, body };
  const timeoutMs = policyTimeoutMs();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let res: SafeResponse;
  try {
    res = await safeRequest(url, { method: "POST", headers, body, timeoutMs, connectTimeoutMs: Math.min(5000, timeoutMs) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const error =
      err instanceof SsrfError ? message : /^(Timed out|Connect timeout) after/.test(message) ? `timeout after ${timeoutMs} ms` : errorReason(err);
    return { request, response: null, verdict: null, error, latencyMs: elapsed() };
  }
  const response = { status: res.status, headers: res.headers, body: res.body };
  const done = (verdict: PolicyVerdict | null, error: string | null) => ({ request, response, verdict, error, latencyMs: res.latencyMs });
  if (res.status < 200 || res.status > 299) return done(null, `HTTP ${res.status}`);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return done(null, "invalid JSON");
  }
  const parsed = policyVerdictSchema.safeParse(json);
  if (!parsed.success) return done(null, shapeProblem(parsed.error.issues));
  return done(parsed.data, null);
}

/** The decision a verdict stands for: `ok: false` counts as reject whatever the action says. */
export function decisionOf(verdict: PolicyVerdict): { admit: false } | { admit: true; role: "member" | "viewer"; evaluation: boolean } {
  if (!verdict.ok || verdict.action === "reject") return { admit: false };
  return verdict.action === "eval" ? { admit: true, role: "viewer", evaluation: true } : { admit: true, role: "member", evaluation: false };
}
