// What the search endpoints do once the request is read, written once for both transports: the Next route
// handlers (app/api/v1/indexes/[indexId]/{search,init}) and the node:http fast lane (lib/http/fast-lane.ts).
import "server-only";
import type { DbHandle } from "../db";
import type { Principal } from "../auth/principal";
import type { SearchParams } from "../contracts/search";
import { assertIndexInScope } from "../auth/scope";
import { recordSearch } from "../analytics/record";
import { liveDeploymentId, searchLive } from "../search/live";
import { parseSearchParams, searchParamsFromForm, searchParamsFromQ } from "../search/params";
import { assertOriginAllowedFor } from "./cors";
import type { ReadBody } from "./body";

/** 403 unless this principal may search this index from this browser origin (null: not a browser). */
export function assertMaySearch(principal: Principal, origin: string | null, indexId: string): void {
  assertOriginAllowedFor(origin, principal);
  assertIndexInScope(principal, indexId);
}

/** POST …/search: a JSON body of search parameters, or the Orama SDK's form (q=<json>). */
export function searchParamsOfBody(body: ReadBody): SearchParams {
  return body.read === "form" ? searchParamsFromForm(body.form) : parseSearchParams(body.read === "json" ? body.json : undefined);
}

/** GET …/search?q=: a term, or the JSON search parameters. */
export const searchParamsOfQuery = (q: string): SearchParams => searchParamsFromQ(q);

/** Searches the live version and records it (analytics); the result as Orama shapes it. */
export async function searchIndex(db: DbHandle, indexId: string, params: SearchParams) {
  const { deploymentId: _d, latencyMs: _l, ...result } = await recordSearch(db, indexId, params, searchLive(db, indexId, params));
  return result;
}

/** The same search, answered as the JSON text of that result, serialised in the search thread. */
export async function searchIndexJson(db: DbHandle, indexId: string, params: SearchParams): Promise<string> {
  return (await recordSearch(db, indexId, params, searchLive(db, indexId, params, "json"))).json;
}

/** GET …/init: what the SDK's OramaClient asks for on start-up; telemetry goes to our discard endpoint. */
export async function initAnswer(db: DbHandle, indexId: string, requestUrl: string) {
  const deploymentID = await liveDeploymentId(db, indexId);
  const collectUrl = new URL(`/api/v1/indexes/${encodeURIComponent(indexId)}/collect`, requestUrl).toString();
  return { deploymentID, index: indexId, collectUrl };
}
