// The OpenAPI 3.1 document, generated from the same contracts that validate requests.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import * as contracts from "../contracts";
import { outboundWebhooks } from "./webhooks";
import { allResponses, errorSchema, meilisearchErrorSchema, mediaOf, registry, type MediaSpec, type RouteContract } from "../contracts";

/**
 * operationIds: the contract's own, else its export name without "Contract" (createHookContract →
 * createHook), else one made of the method and the path. Any new contract gets one without a change here.
 */
function operationIds(): Map<RouteContract, string> {
  const named = new Map<RouteContract, string>();
  for (const [name, value] of Object.entries(contracts as Record<string, unknown>)) {
    if (registry.includes(value as RouteContract)) named.set(value as RouteContract, name.replace(/Contract$/, ""));
  }
  const ids = new Map<RouteContract, string>();
  const taken = new Set<string>();
  for (const c of registry) {
    let id = c.operationId ?? named.get(c) ?? fromPath(c);
    if (taken.has(id)) id = fromPath(c);
    for (let n = 2; taken.has(id); n++) id = `${fromPath(c)}${n}`;
    taken.add(id);
    ids.set(c, id);
  }
  return ids;
}

/** post /api/v1/hooks/{uuid}/test → postHooksByUuidTest */
function fromPath(c: RouteContract): string {
  const words = c.path
    .replace(/^\/api(\/v1)?\//, "")
    .split(/[/.\-_]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith("{") ? `By${cap(w.slice(1, -1))}` : cap(w)));
  return c.method + words.join("");
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

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
  if (typeof m !== "number") return ` Up to ${m} bytes (a setting).`;
  const mib = m / (1024 * 1024);
  return ` Up to ${Number.isInteger(mib) ? `${mib} MiB` : m < 1024 * 1024 && m % 1024 === 0 ? `${m / 1024} KiB` : `${m} bytes`}${Number.isInteger(mib) || m % 1024 === 0 ? ` (${m} bytes)` : ""}.`;
}

/** The request body: each media type with its schema (the contract's, or what its media spec documents) and example. */
function requestBody(c: RouteContract) {
  const notes: string[] = [];
  const content = Object.fromEntries(
    Object.entries(mediaOf(c)).map(([type, spec]) => {
      const schema = c.body !== "raw" && c.body ? c.body : (spec.schema ?? (spec.read === "stream" ? { type: "string" as const, format: "binary" } : {}));
      const aliases = spec.aliases?.length ? ` Also accepted as ${spec.aliases.map((a) => (a === "*/*+json" ? "any +json type" : a)).join(", ")}.` : "";
      const empty = spec.empty !== undefined && spec.read === "json" ? " May be empty." : "";
      const note = (limitText(spec) + aliases + empty).trim();
      if (note) notes.push(`\`${type}\`: ${note}`);
      return [type, { schema, ...(spec.example !== undefined ? { example: spec.example } : {}) }];
    }),
  );
  // An empty body is fine where every media type says what it reads as; a route refuses other types with 415.
  const optional = Object.values(mediaOf(c)).every((m) => m.empty !== undefined);
  return { required: !optional, ...(notes.length ? { description: notes.join(" ") } : {}), content };
}

function operation(c: RouteContract, operationId: string) {
  // The master key (a bearer token) passes every authenticated route; sessions only where allowed.
  const security = c.auth === null ? [] : [{ bearer: [] }, ...(c.auth.session !== false ? [{ session: [] }] : [])];
  return {
    operationId,
    summary: c.summary,
    description: access(c),
    tags: c.tags,
    security,
    ...(c.params || c.query || c.headers
      ? { requestParams: { ...(c.params ? { path: c.params } : {}), ...(c.query ? { query: c.query } : {}), ...(c.headers ? { header: c.headers } : {}) } }
      : {}),
    ...(c.body ? { requestBody: requestBody(c) } : {}),
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
  const ids = operationIds();
  for (const c of registry) (paths[c.path] ??= {})[c.method] = operation(c, ids.get(c)!) as never;
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Indexhook API",
      version: "1",
      description:
        "Inbound webhook data source (Orama Cloud compatible), search, management and outbound webhooks. " +
        "Errors are always { error: { code, message, details? } }.",
    },
    // Relative: the document is served by the instance it describes, wherever that is.
    servers: [{ url: "/", description: "This Indexhook instance" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (ihk_…) or INDEXHOOK_MASTER_KEY" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Dashboard session" },
      },
    },
    paths,
    // What Indexhook sends: hook deliveries by kind and the registration policy webhook, with their headers.
    webhooks: outboundWebhooks as never,
  });
  return cached;
}
