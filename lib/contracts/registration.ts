// Contracts of sign-up and of the registration policy (Settings → Policy for new users).
import { z } from "zod";
import { contract } from "./define";
import { errorSchema, setupBody } from "./system";

export const REGISTRATION_MODES = ["closed", "open", "webhook"] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** What the policy webhook must answer (any 2xx): anything else fails closed. */
export const policyVerdictSchema = z
  .object({
    ok: z.boolean(),
    action: z.enum(["reject", "eval", "prod"]),
    userData: z
      .looseObject({ displayName: z.string().optional(), email: z.string().optional() })
      .nullable()
      .optional(),
  })
  .meta({ id: "PolicyVerdict" });
export type PolicyVerdict = z.infer<typeof policyVerdictSchema>;

export const policyPayloadSchema = z
  .object({ userId: z.string().min(1).max(200), email: z.string().min(1).max(320) })
  .meta({ id: "PolicyPayload", description: "What Indexhook POSTs to the policy webhook" });

const lastTestSchema = z
  .object({
    at: z.string(),
    ok: z.boolean().meta({ description: "The webhook answered with a valid verdict (whether it admits or not)" }),
    url: z.string(),
    verdict: policyVerdictSchema.nullable(),
  })
  .nullable();

export const registrationSettingsSchema = z
  .object({
    mode: z.enum(REGISTRATION_MODES),
    webhook: z
      .object({
        url: z.string(),
        secretMasked: z.string().meta({ description: '"whsec_••••" + the last 4 characters' }),
        timeoutMs: z.number(),
        lastTest: lastTestSchema,
      })
      .nullable(),
  })
  .meta({ id: "RegistrationSettings" });
export type RegistrationSettingsDto = z.infer<typeof registrationSettingsSchema>;

const admin = { session: "admin" as const, key: ["admin" as const], wholeInstance: true as const };
const tagSettings = ["Settings"];
const tagAuth = ["Sign-up"];

/** The same fields and rules as first-run setup. */
export const signupBody = setupBody;
export type SignupInput = z.infer<typeof signupBody>;

export const signupResultSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["member", "viewer"]),
    evaluation: z.boolean(),
  })
  .meta({ id: "SignupResult" });

export const signupStatusContract = contract({
  method: "get",
  path: "/api/v1/signup",
  summary: "Whether people may sign up (the login page shows “Create an account” unless closed)",
  tags: tagAuth,
  auth: null,
  responses: { 200: { description: "The registration mode", schema: z.object({ mode: z.enum(REGISTRATION_MODES) }) } },
});

export const signupContract = contract({
  method: "post",
  path: "/api/v1/signup",
  summary: "Create an account under the registration policy (open, or admitted by the policy webhook)",
  tags: tagAuth,
  auth: null,
  body: signupBody,
  responses: {
    201: { description: "The account was created; sign in with the same credentials", schema: signupResultSchema },
    400: { description: "Invalid input", schema: errorSchema },
    403: { description: "`registration_closed` (invites only) or `access_refused` (the policy webhook said no)", schema: errorSchema },
    409: { description: "The email is already registered, or `invite_pending`: an invitation to it is open", schema: errorSchema },
    429: { description: "`too_many_signups`: the instance-wide budget (SIGNUP_MAX_PER_MINUTE) is spent; `details.retryAfterS`", schema: errorSchema },
    503: { description: "`policy_unavailable`: the policy webhook could not confirm the sign-up (fail closed)", schema: errorSchema },
  },
});

export const getRegistrationContract = contract({
  method: "get",
  path: "/api/v1/settings/registration",
  summary: "The policy for new users (the secret masked)",
  tags: tagSettings,
  auth: admin,
  responses: { 200: { description: "The policy", schema: registrationSettingsSchema } },
});

export const putRegistrationBody = z
  .object({
    mode: z.enum(REGISTRATION_MODES),
    webhookUrl: z.string().trim().min(1, "required").max(2000).nullable().optional().meta({
      description: "The policy webhook URL (required for mode webhook unless one is saved); null removes it",
    }),
  })
  .strict()
  .meta({ id: "PutRegistrationRequest" });
export type PutRegistrationInput = z.infer<typeof putRegistrationBody>;

export const putRegistrationContract = contract({
  method: "put",
  path: "/api/v1/settings/registration",
  summary: "Set the policy for new users; the first webhook URL generates the signing secret (shown once here)",
  tags: tagSettings,
  auth: admin,
  body: putRegistrationBody,
  responses: {
    200: {
      description: "The policy; `secret` only when a secret was just generated",
      schema: registrationSettingsSchema.extend({ secret: z.string().optional() }),
    },
    400: { description: "Invalid input, a webhook mode without URL, or a URL refused by the SSRF guard", schema: errorSchema },
  },
});

export const registrationSecretBody = z.object({ action: z.enum(["reveal", "rotate"]) }).meta({ id: "PolicySecretRequest" });

export const registrationSecretContract = contract({
  method: "post",
  path: "/api/v1/settings/registration/secret",
  summary: "Reveal or rotate the policy webhook's signing secret",
  tags: tagSettings,
  auth: admin,
  body: registrationSecretBody,
  responses: {
    200: { description: "The secret", schema: z.object({ secret: z.string() }) },
    400: { description: "Invalid input", schema: errorSchema },
    404: { description: "No policy webhook is configured", schema: errorSchema },
  },
});

export const registrationTestBody = z
  .object({ url: z.string().trim().min(1).max(2000).optional(), payload: policyPayloadSchema.optional() })
  .strict()
  .meta({ id: "PolicyTestRequest" });
export type RegistrationTestInput = z.infer<typeof registrationTestBody>;

export const policyTestResultSchema = z
  .object({
    request: z.object({ url: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
    response: z.object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.string() }).nullable(),
    verdict: policyVerdictSchema.nullable(),
    admits: z.boolean().meta({ description: "Whether this answer would create an account" }),
    role: z.enum(["member", "viewer"]).nullable(),
    error: z.string().nullable(),
    latencyMs: z.number(),
    secret: z.string().optional().meta({ description: "Only when this test generated the first secret" }),
  })
  .meta({ id: "PolicyTestResult" });
export type PolicyTestResult = z.infer<typeof policyTestResultSchema>;

export const registrationTestContract = contract({
  method: "post",
  path: "/api/v1/settings/registration/test",
  summary: "Send a sample request to the policy webhook and show what was sent, received and decided (creates no one)",
  tags: tagSettings,
  auth: admin,
  body: registrationTestBody,
  responses: {
    200: { description: "What was sent and received", schema: policyTestResultSchema },
    400: { description: "Invalid input, no URL, or a URL refused by the SSRF guard", schema: errorSchema },
  },
});
