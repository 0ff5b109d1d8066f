// The settings page's "Send test": one sample exchange with the policy webhook and the decision it
// would lead to, creating no one; the outcome is kept as the webhook's lastTest.
import "server-only";
import type { Principal } from "../auth/principal";
import type { PolicyTestResult, RegistrationTestInput } from "../contracts/registration";
import type { Db } from "../db";
import { badRequest } from "../errors";
import { newId } from "../ids";
import { checkOutboundUrl } from "../net/check-outbound-url";
import { decisionOf, exchangePolicyHook } from "./policy-hook";
import { lockRegistration, readRegistration, updateRegistration, writeRegistration } from "./registration";

/**
 * Sends a sample request (the saved URL unless one is given) and reports the exchange and the decision
 * it would lead to, creating no one. With no webhook saved yet, the URL is saved (the mode is kept)
 * with a new secret, returned once, so the receiver can verify signatures from the first test on.
 */
export async function testRegistrationHook({
  db,
  principal,
  input,
  ip,
}: {
  db: Db;
  principal: Principal;
  input: RegistrationTestInput;
  ip?: string | null;
}): Promise<PolicyTestResult> {
  let s = await readRegistration(db);
  const url = input.url ?? s.webhook?.url;
  if (!url) throw badRequest("Give a URL to test, or save a webhook URL first.", { field: "url" }, "webhook_url_required");
  let generated: string | undefined;
  if (!s.webhook) {
    // Saving checks the URL (400 ssrf_refused) before anything is written.
    const saved = await updateRegistration({ db, principal, input: { webhookUrl: url }, ip });
    generated = saved.secret;
    s = await readRegistration(db);
  } else await checkOutboundUrl(url);
  const payload = input.payload ?? { userId: newId("usr"), email: "someone@example.com" };
  const ex = await exchangePolicyHook(url, s.webhook!.secret, payload);
  const decision = ex.verdict ? decisionOf(ex.verdict) : null;
  // lastTest is written outside any HTTP wait, in its own short transaction.
  await db.transaction(async (tx) => {
    const now = await lockRegistration(tx);
    if (!now.webhook) return;
    const lastTest = { at: new Date().toISOString(), ok: ex.verdict !== null, url, verdict: ex.verdict };
    await writeRegistration(tx, { ...now, webhook: { ...now.webhook, lastTest } });
  });
  return {
    request: ex.request,
    response: ex.response,
    verdict: ex.verdict,
    admits: decision?.admit ?? false,
    role: decision?.admit ? decision.role : null,
    error: ex.error,
    latencyMs: ex.latencyMs,
    ...(generated ? { secret: generated } : {}),
  };
}
