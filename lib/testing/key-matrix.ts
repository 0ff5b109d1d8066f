// The API-key matrix every authenticated route must pass: no key, junk, revoked, expired, wrong
// action, wrong index, public key writing. Keys are made through the API with the master key, so a
// route suite only states what it needs and gets the security cases for free.
import { beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../contracts/define";
import { api, type TestServer } from "./server";

export interface MatrixRoute {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The action the route needs. */
  action: Exclude<Action, "*">;
  /** The index the call touches; omit for routes that are not scoped to an index. */
  indexId?: string;
  /** When set, also check that a key with the right action and index gets this status. */
  okStatus?: number;
}

export interface MatrixCase {
  name: string;
  bearer: string | null;
  expectStatus: number;
}

const EXPIRES_IN_MS = 1_500;
/** Well-formed shape, wrong checksum: refused before any lookup. */
const JUNK = "ihk_prv_" + "1".repeat(38);
const OTHER: Record<MatrixRoute["action"], Action[]> = {
  search: ["ingest", "deploy"],
  ingest: ["search", "deploy"],
  deploy: ["search", "ingest"],
  admin: ["ingest", "deploy"],
  metrics: ["search", "ingest", "deploy"],
};

type Plan = { name: string; expectStatus: number; bearer?: string | null; actions?: Action[]; indexes?: string[]; revoke?: boolean; expire?: boolean };

function plan(route: MatrixRoute): Plan[] {
  const scope = route.indexId ? [route.indexId] : ["*"];
  const own: Action[] = [route.action];
  const plans: Plan[] = [
    { name: "no key → 401", expectStatus: 401, bearer: null },
    { name: "junk ihk_prv_… key → 401", expectStatus: 401, bearer: JUNK },
    { name: "revoked key → 401", expectStatus: 401, actions: own, indexes: scope, revoke: true },
    { name: "expired key → 401", expectStatus: 401, actions: own, indexes: scope, expire: true },
    { name: `key without "${route.action}" → 403`, expectStatus: 403, actions: OTHER[route.action], indexes: scope },
  ];
  if (route.indexId) {
    plans.push({ name: "key for another index → 403", expectStatus: 403, actions: own, indexes: [`not-${route.indexId}`] });
  }
  if (route.action !== "search") {
    plans.push({ name: "public (search-only) key → 403", expectStatus: 403, actions: ["search"], indexes: scope });
  }
  if (route.okStatus) plans.push({ name: `key with "${route.action}" → ${route.okStatus}`, expectStatus: route.okStatus, actions: own, indexes: scope });
  return plans;
}

/** The case names for `route`, known before any key exists (vitest registers tests synchronously). */
export const matrixCaseNames = (route: MatrixRoute) => plan(route).map((p) => p.name);

/** Creates the keys for every case (via the API, master key) and returns them with their expected status. */
export async function keyMatrix(server: TestServer, route: MatrixRoute): Promise<MatrixCase[]> {
  const master = api(server);
  const expiresAt = Date.now() + EXPIRES_IN_MS;
  const cases = await Promise.all(
    plan(route).map(async (p): Promise<MatrixCase> => {
      if (p.bearer !== undefined) return { name: p.name, bearer: p.bearer, expectStatus: p.expectStatus };
      const body = { name: `matrix: ${p.name}`, actions: p.actions, indexes: p.indexes, ...(p.expire ? { expiresAt: new Date(expiresAt).toISOString() } : {}) };
      const made = await master("POST", "/api/v1/keys", body);
      if (made.status !== 201) throw new Error(`key matrix: could not create a key (${made.status}): ${made.text}`);
      if (p.revoke) {
        const revoked = await master("DELETE", `/api/v1/keys/${made.json.id}`);
        if (revoked.status !== 200) throw new Error(`key matrix: could not revoke (${revoked.status}): ${revoked.text}`);
      }
      return { name: p.name, bearer: made.json.key, expectStatus: p.expectStatus };
    }),
  );
  // Waiting once for the short-lived key beats a clock-faking hook in a production server.
  const wait = expiresAt + 100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return cases;
}

/** Registers one test per matrix case, each asserting the status and the error envelope. */
export function describeKeyMatrix(getServer: () => TestServer, route: MatrixRoute) {
  describe(`key matrix: ${route.method} ${route.path}`, () => {
    let cases: MatrixCase[] = [];
    beforeAll(async () => {
      cases = await keyMatrix(getServer(), route);
    });
    for (const name of matrixCaseNames(route)) {
      it(name, async () => {
        const c = cases.find((x) => x.name === name)!;
        const r = await api(getServer(), c.bearer)(route.method, route.path, route.body, route.headers);
        expect(r.status, r.text).toBe(c.expectStatus);
        if (c.expectStatus >= 400) {
          expect(r.json.error.code).toBe(c.expectStatus === 401 ? "unauthorized" : "forbidden");
          expect(typeof r.json.error.message).toBe("string");
        }
      });
    }
  });
}
