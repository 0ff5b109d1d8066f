// Contracts of API key management (the Developer tools page).
import { z } from "zod";
import { ACTIONS, contract } from "./define";
import { errorSchema } from "./system";
import { MAX_ALLOWED_ORIGINS, normalizeOriginPattern } from "../keys/origins";

export const KEY_PRESETS = {
  public: { label: "Public key", actions: ["search"], description: "Search only. Safe to ship in a browser or app." },
  private: { label: "Private key", actions: ["ingest", "deploy"], description: "Ingest and deploy. Keep it on your server; never put it in a browser." },
  metrics: { label: "Metrics key", actions: ["metrics"], description: "Scrapes GET /metrics (Prometheus) and nothing else. For your Prometheus server." },
  admin: { label: "Admin key", actions: ["*"], description: "Everything the API can do, including management. For automation." },
} as const;

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(["public", "private"]),
    start: z.string().meta({ description: "The first characters of the key, to recognise it" }),
    actions: z.array(z.enum(ACTIONS)),
    indexes: z.array(z.string()),
    allowedOrigins: z
      .array(z.string())
      .meta({ description: "Browser origins this public key may search from; empty = any origin" }),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdBy: z.string().meta({ description: 'A user id, a key id (`key_…`), or "master"' }),
    createdByName: z.string().nullable().meta({ description: "The creating user's or key's name, when known" }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

/** One allowed origin (`https://shop.example`, `https://*.example.com`), stored in canonical form. */
const originPattern = z.string().transform((v, ctx) => {
  const normalized = normalizeOriginPattern(v);
  if (normalized === null) {
    ctx.addIssue({ code: "custom", message: "an origin such as https://shop.example or https://*.example.com (scheme, host, optional port; no path)" });
    return z.NEVER;
  }
  return normalized;
});

export const createKeyBody = z
  .object({
    name: z.string().trim().min(1, "required").max(100),
    description: z.string().trim().max(500).optional(),
    actions: z.array(z.enum(ACTIONS)).min(1, "at least one action"),
    indexes: z.array(z.string().min(1)).min(1, 'at least one index, or ["*"]').default(["*"]),
    allowedOrigins: z
      .array(originPattern)
      .max(MAX_ALLOWED_ORIGINS)
      .default([])
      .meta({
        description:
          "Public keys only: the browser origins allowed to use the key (requests with another Origin header get 403 origin_not_allowed; requests without one, from servers, pass). Empty = any origin.",
      }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .refine((v) => v === undefined || Date.parse(v) > Date.now(), "must be in the future"),
  })
  .meta({ id: "CreateKeyRequest" });
/** allowedOrigins may be left out by callers of the verb (it defaults to none, i.e. any origin). */
export type CreateKeyInput = Omit<z.infer<typeof createKeyBody>, "allowedOrigins"> & { allowedOrigins?: string[] };

const tag = ["API keys"];
const manage = { session: "member" as const, key: ["admin" as const] };

export const createKeyContract = contract({
  method: "post",
  path: "/api/v1/keys",
  summary: "Create an API key; the response is the only time the key is shown",
  tags: tag,
  auth: manage,
  body: createKeyBody,
  responses: {
    201: { description: "The key, with its secret `key`", schema: apiKeySchema.extend({ key: z.string() }) },
    400: { description: "Invalid input", schema: errorSchema },
    403: { description: "The key would grant more than its creator has", schema: errorSchema },
  },
});

export const listKeysContract = contract({
  method: "get",
  path: "/api/v1/keys",
  summary: "List API keys (never their secrets)",
  tags: tag,
  auth: manage,
  responses: { 200: { description: "Keys", schema: z.object({ results: z.array(apiKeySchema) }) } },
});

export const revokeKeyContract = contract({
  method: "delete",
  path: "/api/v1/keys/{id}",
  summary: "Revoke an API key (takes effect at once)",
  tags: tag,
  auth: manage,
  params: z.object({ id: z.string().min(1) }),
  responses: { 200: { description: "The revoked key", schema: apiKeySchema }, 404: { description: "No such key", schema: errorSchema } },
});
