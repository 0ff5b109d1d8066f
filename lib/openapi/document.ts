// The OpenAPI 3.1 document, generated from the same contracts that validate requests.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { errorSchema, meilisearchErrorSchema, registry, type RouteContract } from "../contracts";

/** Who may call, in words (the same rule lib/http/authenticate.ts enforces). */
function access(c: RouteContract): string {
  if (c.auth === null) return "Public: no authentication.";
  const parts = [c.auth.session === false ? "Dashboard sessions are not accepted." : `Signed-in users: ${c.auth.session} or above.`];
  if (c.auth.key === false) parts.push("API keys are not accepted (the master key is).");
  else parts.push(`API keys with ${c.auth.key.map((a) => `\`${a}\``).join(" or ")}${c.auth.wholeInstance ? ', scoped to all indexes (`"*"`)' : ""}, or the master key.`);
  return parts.join(" ");
}

/** Every authenticated route can answer 401 and 403 in the envelope; contracts need not repeat it. */
function withAuthErrors(c: RouteContract): RouteContract["responses"] {
  if (c.auth === null) return c.responses;
  const schema = c.errorStyle === "meilisearch" ? meilisearchErrorSchema : errorSchema;
  return {
    401: { description: "Not authenticated: no, an invalid, revoked or expired key, or no session", schema },
    403: { description: "Authenticated, but the role, the key's actions or its index scope do not allow this", schema },
    ...c.responses,
  };
}

function operation(c: RouteContract) {
  // The master key (a bearer token) passes every authenticated route; sessions only where allowed.
  const security = c.auth === null ? [] : [{ bearer: [] }, ...(c.auth.session !== false ? [{ session: [] }] : [])];
  const bodyTypes = c.body === "raw" ? (c.bodyContentTypes ?? ["application/octet-stream"]) : ["application/json"];
  return {
    summary: c.summary,
    description: access(c),
    tags: c.tags,
    security,
    ...(c.params || c.query ? { requestParams: { ...(c.params ? { path: c.params } : {}), ...(c.query ? { query: c.query } : {}) } } : {}),
    ...(c.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              bodyTypes.map((t) => [t, c.body === "raw" ? { schema: { type: "string" as const, format: "binary" } } : { schema: c.body }]),
            ),
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(withAuthErrors(c)).map(([status, r]) => [
        status,
        { description: r.description, ...(r.schema ? { content: { [r.contentType ?? "application/json"]: { schema: r.schema } } } : {}) },
      ]),
    ),
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openapiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const c of registry) (paths[c.path] ??= {})[c.method] = operation(c) as never;
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Indexhook API",
      version: "1",
      description:
        "Inbound webhook data source (Orama Cloud compatible), search, management and outbound webhooks. " +
        "Errors are always { error: { code, message, details? } }.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (ihk_…) or INDEXHOOK_MASTER_KEY" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Dashboard session" },
      },
    },
    paths,
  });
  return cached;
}
