// Sign-up under the registration policy (lib/users/registration.ts), in three steps: the gate (the
// instance's sign-up budget, a closed policy, a known or invited email), the policy webhook's decision
// when the policy says so (any failure to get a valid answer fails closed, before anything is
// created), then the account. Every decision and failure is in the audit log.
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit, type Actor, type AuditAction } from "../audit/record";
import { hashPassword } from "../auth/password";
import type { SignupInput } from "../contracts/registration";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/errors";
import { invites, users } from "../db/schema";
import { AppError, conflict } from "../errors";
import { env } from "../env";
import { newId } from "../ids";
import { decisionOf, exchangePolicyHook } from "./policy-hook";
import { readRegistration, type RegistrationSettings } from "./registration";
import { signUpThrottle } from "./throttle";

export interface SignupResult {
  id: string;
  email: string;
  name: string;
  role: "member" | "viewer";
  evaluation: boolean;
}

/** Records one sign-up decision or failure in the audit log. */
type AuditSignup = (action: AuditAction, targetId: string | null, details: Record<string, unknown>) => Promise<unknown>;

/** What the account is created with once admitted. */
interface Admission {
  role: "member" | "viewer";
  evaluation: boolean;
  /** The verdict's action (webhook policy only). */
  action: string | null;
  name: string;
  userData: Record<string, unknown> | null;
}

/**
 * Creates an account under the policy. Refusals throw 403 (registration_closed, access_refused),
 * a policy webhook that cannot confirm throws 503 policy_unavailable, a known email 409.
 */
export async function signUp({ db, input, ip }: { db: Db; input: SignupInput; ip?: string | null }): Promise<SignupResult> {
  const actor: Actor = { type: "anonymous", name: input.email };
  const policy = await readRegistration(db);
  const audit: AuditSignup = (action, targetId, details) => recordAudit(db, actor, { action, target: { type: "user", id: targetId }, details, ip });

  await passGate(db, policy, input.email, audit);
  const userId = newId("usr");
  const admission =
    policy.mode === "webhook"
      ? await askPolicyWebhook(policy, userId, input, audit)
      : { role: "member" as const, evaluation: false, action: null, name: input.name, userData: null };
  return createAccount(db, { actor, policy, userId, input, admission, ip, audit });
}

/** Throws unless the instance takes this sign-up: budget, policy mode, and the email not known or invited. */
async function passGate(db: Db, policy: RegistrationSettings, email: string, audit: AuditSignup): Promise<void> {
  const throttle = await signUpThrottle(db, env().SIGNUP_MAX_PER_MINUTE);
  if (throttle.locked) {
    throw new AppError("too_many_signups", `Too many sign-ups on this instance right now: try again in ${throttle.retryAfterS} s.`, { retryAfterS: throttle.retryAfterS });
  }
  if (policy.mode === "closed") {
    await audit("signup.refused", null, { mode: policy.mode, reason: "registration_closed" });
    throw new AppError("registration_closed", "Sign-up is by invitation only on this instance. Ask an admin for an invite.");
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    await audit("signup.refused", null, { mode: policy.mode, reason: "email_taken" });
    throw emailTaken();
  }
  // An open invitation reserves its address: sign-up proves no email, so it must not take the
  // invitee's place (the invitee would be locked out and an admin might trust the wrong account).
  const [invited] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.email, email), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  if (invited) {
    await audit("signup.refused", null, { mode: policy.mode, reason: "invite_pending" });
    throw new AppError("invite_pending", "An invitation was sent to this address: open the link in it to create your account.");
  }
}

/** The policy webhook's decision for this sign-up; throws when it refuses or cannot be had (fail closed). */
async function askPolicyWebhook(policy: RegistrationSettings, userId: string, input: SignupInput, audit: AuditSignup): Promise<Admission> {
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
  const action = ex.verdict.action;
  if (!decision.admit) {
    await audit("signup.refused", userId, { mode: policy.mode, reason: "rejected_by_webhook", ok: ex.verdict.ok, action });
    throw new AppError("access_refused", "Access was refused: this instance's policy for new users did not admit this account.");
  }
  const userData = ex.verdict.userData ?? null;
  const displayName = typeof userData?.displayName === "string" ? userData.displayName.trim().slice(0, 100) : "";
  // userData.email replaces the email only when it was unknown: a password sign-up always has one.
  return { role: decision.role, evaluation: decision.evaluation, action, name: displayName || input.name, userData };
}

/** Inserts the admitted account and its audit entry in one transaction; a lost race for the email is a 409. */
async function createAccount(
  db: Db,
  {
    actor,
    policy,
    userId,
    input,
    admission,
    ip,
    audit,
  }: { actor: Actor; policy: RegistrationSettings; userId: string; input: SignupInput; admission: Admission; ip?: string | null; audit: AuditSignup },
): Promise<SignupResult> {
  const { role, evaluation, action, name, userData } = admission;
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

const emailTaken = () => conflict("An account with this email already exists: sign in instead.");

function policyUnavailable() {
  return new AppError(
    "policy_unavailable",
    "Your sign-up could not be confirmed right now: this instance's policy for new users did not answer. No account was created; try again later or contact the administrator.",
  );
}
