// A route contract: method, path, auth and the zod schemas that validate the request. Route handlers
// validate with it and the OpenAPI document is generated from the same objects, so they cannot drift.
// Safe to import from client components (zod only).
import type { z } from "zod";
import type { CodeFor, ErrorCode } from "../errors";

export const ACTIONS = ["search", "ingest", "deploy", "admin", "*"] as const;
export type Action = (typeof ACTIONS)[number];
export type MinRole = import("../auth/roles").Role;

export interface AuthRule {
  /** Minimum dashboard role for a signed-in user; false = sessions are not accepted. */
  session: MinRole | false;
  /** API key actions that grant access (any of them); false = API keys are not accepted. The master key always passes. */
  key: Action[] | false;
  /**
   * The route acts on the whole instance (users, settings, the audit log, webhooks that may carry any
   * index's changes): an API key must be scoped to every index (`"*"`), not to a list.
   */
  wholeInstance?: true;
}

export interface HeaderSpec {
  description: string;
  /** A fixed value route() sets on every answer with this status (e.g. Cache-Control). */
  value?: string;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Response headers, by lower-case name: a handler may only set the ones listed here. */
  headers?: Record<string, HeaderSpec>;
}

/** Body limits an operator sets (lib/env.ts): route() reads the current value. */
export type BodyLimit = "NOTIFY_MAX_BYTES" | "SNAPSHOT_MAX_BYTES" | "NDJSON_MAX_BYTES";

/** How route() reads a body of one media type. */
export interface MediaSpec {
  /** json: the parsed document; form: its url-encoded fields; stream: the bytes as they arrive (counted against the limit). */
  read: "json" | "form" | "stream";
  /** Largest body in bytes, or the setting that holds it. Default 1 MiB; a stream without one is not counted. */
  maxBytes?: number | BodyLimit;
  /** What an empty JSON body reads as (a stream: that none may be sent); without it an empty body is 400 invalid_json. */
  empty?: unknown;
  /** Other names of the same media type (application/ndjson for application/x-ndjson …). */
  aliases?: string[];
}

/** What a JSON body route accepts unless its contract says otherwise: JSON (any +json type), up to 1 MiB. */
export const JSON_MEDIA: Record<string, MediaSpec> = { "application/json": { read: "json", aliases: ["*/*+json"] } };

export interface RouteContract {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI-style path: /api/v1/indexes/{indexId} */
  path: string;
  summary: string;
  tags: string[];
  /** null = public (no authentication). */
  auth: AuthRule | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /**
   * A zod schema: the JSON body, validated (400 invalid_request). "raw": the handler gets the body as
   * `media` says to read it (a parsed document, form fields or a counted stream).
   */
  body?: z.ZodType | "raw";
  /**
   * The accepted media types, each with how it is read and its size limit. Anything else answers 415
   * (route() checks it, nowhere else does); no Content-Type counts as the first; "*\/*" takes any.
   * Default: JSON_MEDIA.
   */
  media?: Record<string, MediaSpec>;
  /** Request headers the route reads, by lower-case name (e.g. Idempotency-Key): validated (400), handed to the handler. */
  headers?: z.ZodObject;
  /** Also accept the key as an `api-key` query parameter (the Orama SDK's search client does this). */
  queryApiKey?: boolean;
  /**
   * An error code per query parameter (Meilisearch's style, e.g. invalid_task_uids); with it, an unknown
   * parameter of a strict query schema answers 400 bad_request naming it. Without it: invalid_request.
   */
  queryErrorCodes?: Record<string, CodeFor<400>>;
  /**
   * "meilisearch": errors also carry Meilisearch's `message, code, type, link` at the top level, beside
   * the `error` envelope, so the Meilisearch clients can read them (lib/http/meilisearch-errors.ts).
   */
  errorStyle?: "meilisearch";
  /** With errorStyle: Meilisearch's code for some of ours on this route (e.g. not_found → task_not_found). */
  meilisearchCodes?: Partial<Record<ErrorCode, string>>;
  /** With errorStyle: Meilisearch's code for invalid input by the field it is about (e.g. url → invalid_webhook_url; `path:uuid` for a path parameter). */
  meilisearchFieldCodes?: Record<string, string>;
  /**
   * Every status the route answers with what it means. route() answers the single 2xx listed here on
   * success and refuses (loudly, outside production) to answer a status that is neither listed here nor
   * one route() itself produces for the contract's features (see implicitResponses).
   */
  responses: Record<number, ResponseSpec>;
}

export const registry: RouteContract[] = [];

export function contract<C extends RouteContract>(c: C): C {
  registry.push(c);
  return c;
}

/** The success status: the one 2xx the contract lists (a contract with several must say which per answer). */
export function successStatus(c: RouteContract): number | undefined {
  const ok = Object.keys(c.responses).map(Number).filter((s) => s >= 200 && s < 300);
  return ok.length === 1 ? ok[0] : undefined;
}

const implicit = (description: string): ResponseSpec => ({ description });

/**
 * The statuses route() itself answers for a contract's features, whether or not the contract repeats
 * them: 400 for invalid input, 401/403 on authenticated routes, 413/415 for bodies, 422 for a reused
 * Idempotency-Key. The OpenAPI document lists them; route() accepts them.
 */
export function implicitResponses(c: RouteContract): Record<number, ResponseSpec> {
  const r: Record<number, ResponseSpec> = {};
  if (c.params || c.query || c.body || c.headers) r[400] = implicit("Invalid input: the error's details name each problem");
  if (c.auth) {
    r[401] = implicit("Not authenticated: no, an invalid, revoked or expired key, or no session");
    r[403] = implicit("Authenticated, but the role, the key's actions or its index scope do not allow this");
  }
  if (c.body) {
    r[413] = implicit("The body is larger than the limit");
    r[415] = implicit(`Unsupported Content-Type: send ${Object.keys(mediaOf(c)).join(" or ")}`);
  }
  if (c.headers && "idempotency-key" in c.headers.shape) r[422] = implicit("The Idempotency-Key was already used for a different request");
  return r;
}

/** Every status the route may answer: what route() produces, then what the contract lists (its words win). */
export function allResponses(c: RouteContract): Record<number, ResponseSpec> {
  return { ...implicitResponses(c), ...c.responses };
}

export function mediaOf(c: RouteContract): Record<string, MediaSpec> {
  return c.media ?? JSON_MEDIA;
}
