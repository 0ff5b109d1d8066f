// The registration policy (settings key "registration") and sign-up under it. closed: invites only;
// open: anyone becomes a member; webhook: the policy webhook decides before anything is created, and
// any failure to get a valid answer fails closed. Every decision and failure is in the audit log.
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { actorOf, recordAudit, type Actor, type AuditAction } from "../audit/record";
import type { Principal } from "../auth/principal";
import { hashPassword } from "../auth/password";
import {
  policyVerdictSchema,
  REGISTRATION_MODES,
  type PolicyTestResult,
  type PutRegistrationInput,
  type RegistrationMode,
  type RegistrationSettingsDto,
  type RegistrationTestInput,
  type SignupInput,
} from "../contracts/registration";
import type { Db, DbOrTx, Tx } from "../db";
import { isUniqueViolation } from "../db/errors";
import { invites, settings, users } from "../db/schema";
import { AppError, badRequest, conflict, notFound } from "../errors";
import { env } from "../env";
import { newId } from "../ids";
import { checkOutboundUrl } from "../net/check-outbound-url";
import { newSecret } from "../net/signing";
import { decisionOf, exchangePolicyHook, policyTimeoutMs } from "./policy-hook";
import { signUpThrottle } from "./throttle";

const KEY = "registration";

const storedSchema = z.object({
  mode: z.enum(REGISTRATION_MODES).catch("closed"),
  webhook: z
    .object({
      url: z.string(),
      secret: z.string(),
      lastTest: z
        .object({ at: z.string(), ok: z.boolean(), url: z.string().default(""), verdict: policyVerdictSchema.nullable().catch(null) })
        .nullable()
        .catch(null)
        .default(null),
    })
    .nullable()
    .catch(null)
    .default(null),
});
export type RegistrationSettings = z.infer<typeof storedSchema>;

const DEFAULT: RegistrationSettings = { mode: "closed", webhook: null };

/** The stored policy; closed when nothing (or something unreadable) is stored. */
export async function readRegistration(db: DbOrTx): Promise<RegistrationSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return parseStored(row?.value);
}

function parseStored(value: unknown): RegistrationSettings {
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT;
}

/**
 * The stored policy, its row locked until the transaction ends: every read-modify-write of the policy
 * (save, rotate, a test's lastTest) goes through here, so none puts back a value another just replaced.
 */
async function lockRegistration(tx: Tx): Promise<RegistrationSettings> {
  await tx.insert(settings).values({ key: KEY, value: DEFAULT }).onConflictDoNothing();
  const [row] = await tx.select().from(settings).where(eq(settings.key, KEY)).for("update");
  return parseStored(row?.value);
}

async function writeRegistration(tx: DbOrTx, value: RegistrationSettings): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export function maskSecret(secret: string): string {
  return `whsec_••••${secret.slice(-4)}`;
}

export function registrationDto(s: RegistrationSettings): RegistrationSettingsDto {
  return {
    mode: s.mode,
    webhook: s.webhook
      ? { url: s.webhook.url, secretMasked: maskSecret(s.webhook.secret), timeoutMs: policyTimeoutMs(), lastTest: s.webhook.lastTest }
      : null,
  };
}

/** The audit view of the policy: never the secret, not even masked. */
function auditView(s: RegistrationSettings) {
  return { mode: s.mode, webhookUrl: s.webhook?.url ?? null };
}

export async function registrationMode(db: Db): Promise<RegistrationMode> {
  return (await readRegistration(db)).mode;
}

export async function updateRegistration({
  db,
  principal,
  input,
  ip,
}: {
  db: Db;
  principal: Principal;
  /** Without `mode` (a first Send test saving its URL) the current mode is kept. */
  input: Omit<PutRegistrationInput, "mode"> & { mode?: PutRegistrationInput["mode"] };
  ip?: string | null;
}): Promise<RegistrationSettingsDto & { secret?: string }> {
  if (typeof input.webhookUrl === "string") await checkOutboundUrl(input.webhookUrl);
  return db.transaction(async (tx) => {
    const before = await lockRegistration(tx);
    const mode = input.mode ?? before.mode;
    let webhook = before.webhook;
    let generated: string | undefined;
    if (input.webhookUrl === null) webhook = null;
    else if (typeof input.webhookUrl === "string") {
      if (webhook) webhook = { ...webhook, url: input.webhookUrl };
      else {
        generated = newSecret();
        webhook = { url: input.webhookUrl, secret: generated, lastTest: null };
      }
    }
    if (mode === "webhook" && !webhook) {
      throw badRequest("The webhook policy needs a webhook URL.", { field: "webhookUrl" }, "webhook_url_required");
    }
    const after: RegistrationSettings = { mode, webhook };
    await writeRegistration(tx, after);
    await recordAudit(tx, actorOf(principal), {
      action: "settings.registration_changed",
      target: { type: "settings", id: KEY },
      details: { before: auditView(before), after: auditView(after), ...(generated ? { secretGenerated: true } : {}) },
      ip,
    });
    return { ...registrationDto(after), ...(generated ? { secret: generated } : {}) };
  });
}

export async function registrationSecret({
  db,
  principal,
  action,
  ip,
}: {
  db: Db;
  principal: Principal;
  action: "reveal" | "rotate";
  ip?: string | null;
}): Promise<{ secret: string }> {
  return db.transaction(async (tx) => {
    const s = await lockRegistration(tx);
    if (!s.webhook) throw notFound("No policy webhook is configured.");
    let secret = s.webhook.secret;
    if (action === "rotate") {
      secret = newSecret();
      await writeRegistration(tx, { ...s, webhook: { ...s.webhook, secret } });
    }
    await recordAudit(tx, actorOf(principal), {
      action: action === "rotate" ? "settings.policy_secret_rotated" : "settings.policy_secret_revealed",
      target: { type: "settings", id: KEY },
      ip,
    });
    return { secret };
  });
}

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

const emailTaken = () => conflict("An account with this email already exists: sign in instead.");

export interface SignupResult {
  id: string;
  email: string;
  name: string;
  role: "member" | "viewer";
  evaluation: boolean;
}

/**
 * Creates an account under the policy. Refusals throw 403 (registration_closed, access_refused),
 * a policy webhook that cannot confirm throws 503 policy_unavailable, a known email 409.
 */
export async function signUp({ db, input, ip }: { db: Db; input: SignupInput; ip?: string | null }): Promise<SignupResult> {
  const actor: Actor = { type: "anonymous", name: input.email };
  const policy = await readRegistration(db);
  const audit = (action: AuditAction, targetId: string | null, details: Record<string, unknown>) =>
    recordAudit(db, actor, { action, target: { type: "user", id: targetId }, details, ip });

  const throttle = await signUpThrottle(db, env().SIGNUP_MAX_PER_MINUTE);
  if (throttle.locked) {
    throw new AppError("too_many_signups", `Too many sign-ups on this instance right now: try again in ${throttle.retryAfterS} s.`, { retryAfterS: throttle.retryAfterS });
  }
  if (policy.mode === "closed") {
    await audit("signup.refused", null, { mode: policy.mode, reason: "registration_closed" });
    throw new AppError("registration_closed", "Sign-up is by invitation only on this instance. Ask an admin for an invite.");
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) {
    await audit("signup.refused", null, { mode: policy.mode, reason: "email_taken" });
    throw emailTaken();
  }
  // An open invitation reserves its address: sign-up proves no email, so it must not take the
  // invitee's place (the invitee would be locked out and an admin might trust the wrong account).
  const [invited] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.email, input.email), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  if (invited) {
    await audit("signup.refused", null, { mode: policy.mode, reason: "invite_pending" });
    throw new AppError("invite_pending", "An invitation was sent to this address: open the link in it to create your account.");
  }

  const userId = newId("usr");
  let role: "member" | "viewer" = "member";
  let evaluation = false;
  let action: string | null = null;
  let name = input.name;
  let userData: Record<string, unknown> | null = null;

  if (policy.mode === "webhook") {
    if (!policy.webhook) {
      await audit("signup.failed_closed", userId, { mode: policy.mode, reason: "no policy webhook is configured" });
      throw policyUnavailable();
    }
    const ex = await exchangePolicyHook(policy.webhook.url, policy.webhook.secret, { userId, email: input.email });
    if (!ex.verdict) {
      await audit("signup.failed_closed", userId, { mode: policy.mode, reason: ex.error ?? "no verdict", url: policy.webhook.url });
      throw policyUnavailable();
    }
    const decision = decisionOf(ex.verdict);
    action = ex.verdict.action;
    if (!decision.admit) {
      await audit("signup.refused", userId, { mode: policy.mode, reason: "rejected_by_webhook", ok: ex.verdict.ok, action });
      throw new AppError("access_refused", "Access was refused: this instance's policy for new users did not admit this account.");
    }
    role = decision.role;
    evaluation = decision.evaluation;
    userData = ex.verdict.userData ?? null;
    const displayName = typeof userData?.displayName === "string" ? userData.displayName.trim().slice(0, 100) : "";
    if (displayName) name = displayName;
    // userData.email replaces the email only when it was unknown: a password sign-up always has one.
  }

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ id: userId, email: input.email, name, passwordHash, role, evaluation, userData })
        .returning();
      await recordAudit(tx, actor, {
        action: "signup.admitted",
        target: { type: "user", id: userId },
        details: { mode: policy.mode, action, role },
        ip,
      });
      return { id: user.id, email: user.email, name: user.name, role, evaluation };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another sign-up (or an invite) took the email since the check above.
    await audit("signup.refused", null, { mode: policy.mode, reason: "email_taken" });
    throw emailTaken();
  }
}

function policyUnavailable() {
  return new AppError(
    "policy_unavailable",
    "Your sign-up could not be confirmed right now: this instance's policy for new users did not answer. No account was created; try again later or contact the administrator.",
  );
}
