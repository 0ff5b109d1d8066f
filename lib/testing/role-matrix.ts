// The role matrix every API route must pass, walked over the contract registry so a new route is in it
// the moment its contract exists: no cookie → 401; a signed-in role below the contract's
// `auth.session` → 403 in the error envelope; at or above → neither 401 nor 403, no 5xx, an envelope
// on errors, and never the catch-all's "No API route" (a contract without a handler fails here).
// Key-only routes (`auth.session === false`) refuse every cookie with 401. Public routes are listed as
// skipped. Path parameters are placeholders and bodies are `{}`: route() authenticates before it
// validates, so they reach the role check, and a refused call cannot have changed anything.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registry, type RouteContract } from "../contracts";
import { roleAtLeast, ROLES, type Role } from "../auth/roles";
import type { TestServer } from "./server";

export const PLACEHOLDER = "nonexistent-id";
/** Every role, lowest first. */
export const MATRIX_ROLES: Role[] = [...ROLES].sort((a, b) => (roleAtLeast(a, b) ? 1 : -1));
/** The message of app/api/v1/[...rest]: a path with no route handler. */
const CATCH_ALL = /^No API route /;

export type Cookies = Record<Role, string>;

export interface MatrixCall {
  status: number;
  json: { error?: { code?: string; message?: string } } | undefined;
  text: string;
  contentType: string;
}

/** The request path of a contract with every `{param}` set to the placeholder. */
export function placeholderPath(c: RouteContract): string {
  return c.path.replace(/\{[^}]+\}/g, PLACEHOLDER);
}

export const routeName = (c: RouteContract) => `${c.method.toUpperCase()} ${c.path}`;

/** Calls a contract's route with a placeholder path, a `{}` body on writes, and the cookie (or none) or a bearer key. */
export async function callRoute(server: TestServer, c: RouteContract, cookie: string | null, bearer?: string): Promise<MatrixCall> {
  const method = c.method.toUpperCase();
  const hasBody = method !== "GET" && method !== "DELETE";
  const res = await fetch(server.url + placeholderPath(c), {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? "{}" : undefined,
    redirect: "manual",
  });
  const text = await res.text();
  let json: MatrixCall["json"];
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, contentType: res.headers.get("content-type") ?? "" };
}

/** What the matrix expects of one caller on one route. */
export type Expectation = 401 | 403 | "allowed";

export function expectationFor(c: RouteContract, role: Role | null): Expectation | null {
  if (c.auth === null) return null;
  if (role === null) return 401;
  if (c.auth.session === false) return 401;
  return roleAtLeast(role, c.auth.session) ? "allowed" : 403;
}

export function assertExpectation(c: RouteContract, who: string, expected: Expectation, r: MatrixCall) {
  const where = `${who} → ${routeName(c)}: ${r.status} ${r.text.slice(0, 300)}`;
  // A contract whose handler is missing lands on the catch-all: always a failure, whoever calls.
  expect(r.status === 404 && CATCH_ALL.test(r.json?.error?.message ?? ""), `no route handler for the contract (${where})`).toBe(false);
  if (expected === "allowed") {
    expect([401, 403], `refused a caller the contract admits (${where})`).not.toContain(r.status);
    expect(r.status, `server error (${where})`).toBeLessThan(500);
    if (r.status >= 400) {
      expect(r.contentType, `error without JSON (${where})`).toMatch(/application\/json/);
      expect(typeof r.json?.error?.code, `error without the envelope (${where})`).toBe("string");
      expect(typeof r.json?.error?.message, `error without a message (${where})`).toBe("string");
    }
    return;
  }
  expect(r.status, where).toBe(expected);
  expect(r.json?.error?.code, where).toBe(expected === 401 ? "unauthorized" : "forbidden");
  expect(typeof r.json?.error?.message, where).toBe("string");
}

/** Every registered contract, public ones included (the caller decides what to skip). */
export function allContracts(): RouteContract[] {
  return [...registry].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/**
 * Registers the matrix: one test per route, each calling it with no cookie and with the viewer's,
 * member's and admin's cookies. `getCookies` is read when the tests run (users are made in beforeAll).
 */
export function describeRoleMatrix(getServer: () => TestServer, getCookies: () => Cookies) {
  const contracts = allContracts();
  describe("role matrix over every contract", () => {
    it("the registry is full (every contract module is imported)", () => {
      // A sanity floor: a broken barrel import would leave the matrix silently small.
      expect(contracts.length).toBeGreaterThan(40);
      const paths = new Set(contracts.map((c) => c.path));
      for (const p of ["/api/v1/indexes", "/api/v1/hooks", "/api/v1/keys", "/api/v1/tasks", "/api/v1/users", "/api/v1/invites"]) expect(paths).toContain(p);
    });
    for (const c of contracts) {
      if (c.auth === null) {
        it.skip(`public (no authentication): ${routeName(c)}`, () => {});
        continue;
      }
      const label = c.auth.session === false ? "key only" : `needs ${c.auth.session}`;
      it(`${routeName(c)} (${label})`, async () => {
        const server = getServer();
        const cookies = getCookies();
        const callers: [string, Role | null, string | null][] = [["no cookie", null, null], ...MATRIX_ROLES.map((r): [string, Role, string] => [r, r, cookies[r]])];
        for (const [who, role, cookie] of callers) {
          const expected = expectationFor(c, role)!;
          assertExpectation(c, who, expected, await callRoute(server, c, cookie));
        }
      });
    }
  });
}

/** A file that declares a server action: a module-level or function-level "use server" directive. */
const SERVER_DIRECTIVE = /^\s*["']use server["'];?\s*$/m;
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

/** Files under `roots` (relative to `cwd`) that contain a "use server" directive. */
export function filesWithServerActions(roots: string[], cwd = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (SOURCE.test(e.name) && SERVER_DIRECTIVE.test(fs.readFileSync(p, "utf8"))) found.push(path.relative(cwd, p));
    }
  };
  for (const r of roots) if (fs.existsSync(path.join(cwd, r))) walk(path.join(cwd, r));
  return found;
}
