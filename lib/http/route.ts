// Turns a contract + handler into a Next route handler. The contract decides: route() authenticates,
// validates params, query, headers and body (media type, size limit, schema), answers the contract's
// success status with its headers, and maps every error to the envelope. Handlers get plain values and
// return plain values (or reply() for a header or a second success status); they never see a Response.
import "server-only";
import type { z } from "zod";
import { allResponses, successStatus, type RouteContract } from "../contracts/define";
import type { Principal } from "../auth/principal";
import { getDb, type DbHandle } from "../db";
import { authenticate } from "./authenticate";
import { errorResponse } from "./errors";
import { parseQuery, parseWith, readBody, type ReadBody } from "./body";
import { meilisearchError } from "./meilisearch-errors";
import { withPathParams } from "./path-params";
import { ContractViolation, violation } from "./contract-check";

export { ContractViolation };

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface HandlerContext<C extends RouteContract> {
  /** For the few things that are about the request itself (client address, origin, CORS). */
  req: Request;
  params: Infer<C["params"]>;
  query: Infer<C["query"]>;
  /** The contract's request headers, validated. */
  headers: Infer<C["headers"]>;
  /** A JSON body validated by the contract's schema, or for "raw" contracts the body as its media type is read. */
  body: C["body"] extends z.ZodType ? z.infer<C["body"]> : C["body"] extends "raw" ? ReadBody : undefined;
  /** null only on public routes (contract.auth === null). */
  principal: C["auth"] extends null ? null : Principal;
  db: DbHandle;
}

/** An answer with response headers (declared in the contract) or a status other than the default success. */
export class Reply {
  constructor(
    readonly body: unknown,
    readonly status?: number,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Reply(body, init.status, init.headers);

/** A plain value is the body of the success status (null: no body, e.g. 204). */
export type HandlerResult = object | null | Reply;

type NextCtx = { params: Promise<Record<string, string | string[]>> };

function requestHeaders(req: Request, schema: z.ZodObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const v = req.headers.get(name);
    if (v !== null) out[name] = v;
  }
  return out;
}

/** The handler's result as a Response, with the status and headers its contract declares. */
function answer(c: RouteContract, result: HandlerResult): Response {
  if (result instanceof Response) throw new TypeError(`${c.method.toUpperCase()} ${c.path}: handlers return plain values (or reply()), not a Response.`);
  const r = result instanceof Reply ? result : new Reply(result);
  const status = r.status ?? successStatus(c);
  if (status === undefined) throw new ContractViolation(`${c.method.toUpperCase()} ${c.path} lists several success statuses: answer with reply(body, { status }).`);
  const declared = c.responses[status]?.headers ?? {};
  const headers = new Headers();
  for (const [name, h] of Object.entries(declared)) if (h.value !== undefined) headers.set(name, h.value);
  for (const [name, value] of Object.entries(r.headers)) {
    if (!declared[name.toLowerCase()]) violation(c, `sets the header ${name}, which its ${status} response does not declare`);
    headers.set(name, value);
  }
  if (r.body === null || r.body === undefined || status === 204) return new Response(null, { status, headers });
  // A body in a media type of its own goes out as it is: a file streamed (a dump), or text in the type
  // its contract declares (Prometheus' exposition format). Everything else is JSON.
  const contentType = c.responses[status]?.contentType;
  const asIs = r.body instanceof ReadableStream || (typeof r.body === "string" && !!contentType && contentType !== "application/json");
  if (!asIs) return Response.json(r.body, { status, headers });
  headers.set("content-type", contentType ?? "application/octet-stream");
  return new Response(r.body as BodyInit, { status, headers });
}

export function route<C extends RouteContract>(
  c: C,
  handler: (ctx: HandlerContext<C>) => Promise<HandlerResult>,
): (req: Request, ctx: NextCtx) => Promise<Response> {
  const allowed = allResponses(c);
  return async (req, nextCtx) => {
    let res: Response;
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
      const headers = c.headers ? parseWith(c.headers, requestHeaders(req, c.headers), "request headers") : undefined;
      let body: unknown;
      if (c.body) {
        const read = await readBody(c, req);
        if (c.body === "raw") body = read;
        else if (read.read === "json") body = parseWith(c.body, read.json, "request body");
        else throw new ContractViolation(`${c.method.toUpperCase()} ${c.path}: a schema body is read as JSON, not ${read.read}.`);
      }
      const db = await getDb();
      res = answer(c, await handler({ req, params, query, headers, body, principal, db } as HandlerContext<C>));
    } catch (err) {
      res = errorResponse(err, c.errorStyle === "meilisearch" ? (e) => meilisearchError(e, c, req) : undefined);
    }
    if (res.status !== 500 && !(res.status in allowed)) {
      try {
        violation(c, `answered ${res.status}, which its contract does not list`);
      } catch (err) {
        return errorResponse(err);
      }
    }
    return res;
  };
}
