// The registration policy (settings key "registration"): closed (invites only), open (anyone becomes a
// member) or webhook (the policy webhook decides), with the webhook's URL, secret and last test. Reads
// for pages and routes, the admin's changes, and the secret's reveal and rotation, each audited.
// Sign-up under the policy is lib/users/signup.ts; the webhook exchange lib/users/policy-hook.ts; its
// test from the settings page lib/users/policy-test.ts.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { actorOf, recordAudit } from "../audit/record";
import type { Principal } from "../auth/principal";
import {
  policyVerdictSchema,
  REGISTRATION_MODES,
  type PutRegistrationInput,
  type RegistrationMode,
  type RegistrationSettingsDto,
} from "../contracts/registration";
import type { Db, DbOrTx, Tx } from "../db";
import { settings } from "../db/schema";
import { badRequest, notFound } from "../errors";
import { checkOutboundUrl } from "../net/check-outbound-url";
import { newSecret } from "../net/signing";
import { policyTimeoutMs } from "./policy-hook";

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
export async function lockRegistration(tx: Tx): Promise<RegistrationSettings> {
  await tx.insert(settings).values({ key: KEY, value: DEFAULT }).onConflictDoNothing();
  const [row] = await tx.select().from(settings).where(eq(settings.key, KEY)).for("update");
  return parseStored(row?.value);
}

export async function writeRegistration(tx: DbOrTx, value: RegistrationSettings): Promise<void> {
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
