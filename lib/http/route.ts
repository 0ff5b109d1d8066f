// Turns a contract + handler into a Next route handler: authenticates, validates params, query and
// body with the contract's zod schemas, and maps every error to the envelope.
import "server-only";
import type { z } from "zod";
import type { RouteContract } from "../contracts/define";
import type { Principal } from "../auth/principal";
import { getDb, type DbHandle } from "../db";
import { authenticate } from "./authenticate";
import { errorResponse } from "./errors";
import { meilisearchError } from "./meilisearch-errors";
import { withPathParams } from "./path-params";
import { parseQuery, parseWith, readJson } from "./body";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<C extends RouteContract> {
  req: Request;
  params: Infer<C["params"]>;
  query: Infer<C["query"]>;
  body: C["body"] extends z.ZodType ? z.infer<C["body"]> : undefined;
  /** null only on public routes (contract.auth === null). */
  principal: C["auth"] extends null ? null : Principal;
  db: DbHandle;
}

type NextCtx = { params: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Plain objects become 200 JSON; return a Response for anything else. */
export function route<C extends RouteContract>(
  c: C,
  handler: (ctx: HandlerContext<C>) => Promise<Response | object>,
): (req: Request, ctx: NextCtx) => Promise<Response> {
  return async (req, nextCtx) => {
    try {
      const url = new URL(req.url);
      // Authenticate before validating: a caller without the right gets 401/403, never a hint about input.
      const principal = c.auth ? await authenticate(req, c.auth, c.queryApiKey ? url.searchParams.get("api-key") : null) : null;
      const rawParams = withPathParams(c.path, url.pathname, (await nextCtx?.params) ?? {});
      const params = c.params ? parseWith(c.params, rawParams, "path parameters") : undefined;
      const rawQuery = Object.fromEntries(url.searchParams);
      const query = c.query
        ? c.queryErrorCodes
          ? parseQuery(c.query, rawQuery, c.queryErrorCodes)
          : parseWith(c.query, rawQuery, "query parameters")
        : undefined;
      let body: unknown;
      if (c.body && c.body !== "raw") {
        body = parseWith(c.body, await readJson(req, c.maxBodyBytes ?? DEFAULT_MAX_BODY), "request body");
      }
      const db = await getDb();
      const result = await handler({ req, params, query, body, principal, db } as HandlerContext<C>);
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, c.errorStyle === "meilisearch" ? (e) => meilisearchError(e, c, req) : undefined);
    }
  };
}

export function created(body: unknown): Response {
  return Response.json(body, { status: 201 });
}
