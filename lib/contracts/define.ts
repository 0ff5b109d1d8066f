// A route contract: method, path, auth and the zod schemas that validate the request. Route handlers
// validate with it and the OpenAPI document is generated from the same objects, so they cannot drift.
// Safe to import from client components (zod only).
import type { z } from "zod";
import type { CodeFor, ErrorCode } from "../errors";

export const ACTIONS = ["search", "ingest", "deploy", "admin", "*"] as const;
export type Action = (typeof ACTIONS)[number];
export type MinRole = "viewer" | "member" | "admin";

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

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

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
  /** A zod schema for JSON bodies, or "raw" when the handler reads the stream itself. */
  body?: z.ZodType | "raw";
  /** Extra accepted request content types for documentation (raw bodies). */
  bodyContentTypes?: string[];
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
  /** Largest accepted JSON body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  responses: Record<number, ResponseSpec>;
}

export const registry: RouteContract[] = [];

export function contract<C extends RouteContract>(c: C): C {
  registry.push(c);
  return c;
}
