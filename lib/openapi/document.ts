// The OpenAPI 3.1 document, generated from the same contracts that validate requests.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { allResponses, errorSchema, meilisearchErrorSchema, mediaOf, registry, type MediaSpec, type RouteContract } from "../contracts";

/** Who may call, in words (the same rule lib/http/authenticate.ts enforces). */
function access(c: RouteContract): string {
  if (c.auth === null) return "Public: no authentication.";
  const parts = [c.auth.session === false ? "Dashboard sessions are not accepted." : `Signed-in users: ${c.auth.session} or above.`];
  if (c.auth.key === false) parts.push("API keys are not accepted (the master key is).");
  else parts.push(`API keys with ${c.auth.key.map((a) => `\`${a}\``).join(" or ")}${c.auth.wholeInstance ? ', scoped to all indexes (`"*"`)' : ""}, or the master key.`);
  return parts.join(" ");
}

/** The body limit in words: bytes, or the setting that holds it. */
function limitText(spec: MediaSpec): string {
  const m = spec.maxBytes ?? (spec.read === "stream" ? undefined : 1024 * 1024);
  if (m === undefined) return "";
  return typeof m === "number" ? ` Up to ${m} bytes.` : ` Up to ${m} bytes (a setting).`;
}

function requestContent(c: RouteContract) {
  return Object.fromEntries(
    Object.entries(mediaOf(c)).map(([type, spec]) => {
      const schema = c.body !== "raw" && c.body ? c.body : spec.read === "stream" ? { type: "string" as const, format: "binary" } : {};
      const aliases = spec.aliases?.length ? ` Also accepted as ${spec.aliases.map((a) => (a === "*/*+json" ? "any +json type" : a)).join(", ")}.` : "";
      return [type, { schema, ...(limitText(spec) || aliases ? { description: (limitText(spec) + aliases).trim() } : {}) }];
    }),
  );
}

function operation(c: RouteContract) {
  // The master key (a bearer token) passes every authenticated route; sessions only where allowed.
  const security = c.auth === null ? [] : [{ bearer: [] }, ...(c.auth.session !== false ? [{ session: [] }] : [])];
  return {
    summary: c.summary,
    description: access(c),
    tags: c.tags,
    security,
    ...(c.params || c.query || c.headers
      ? { requestParams: { ...(c.params ? { path: c.params } : {}), ...(c.query ? { query: c.query } : {}), ...(c.headers ? { header: c.headers } : {}) } }
      : {}),
    ...(c.body ? { requestBody: { required: true, content: requestContent(c) } } : {}),
    // Every status route() may answer: the contract's, and those route() produces for its features.
    responses: Object.fromEntries(
      Object.entries(allResponses(c)).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema ? { content: { [r.contentType ?? "application/json"]: { schema: r.schema } } } : Number(status) >= 400 ? { content: { "application/json": { schema: c.errorStyle === "meilisearch" ? meilisearchErrorSchema : errorSchema } } } : {}),
          ...(r.headers
            ? { headers: Object.fromEntries(Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, schema: h.value ? { type: "string" as const, const: h.value } : { type: "string" as const } }])) }
            : {}),
        },
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
