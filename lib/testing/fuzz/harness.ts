// The invariants of the property-based route suite and the machinery to check them: send one
// generated request, then — whatever it was — no 5xx; a 4xx is JSON in the error envelope and left
// the instance as it was (a fingerprint read through the API before and after).
import { expect } from "vitest";
import { fc } from "@fast-check/vitest";
import { MASTER_KEY, type TestServer } from "../server";
import { unsafeHosts } from "./values";

export interface FuzzRequest {
  method: string;
  /** Path with parameters already encoded (odd ones on purpose). */
  path: string;
  /** Query string without `?` (may be malformed on purpose). */
  query: string;
  body?: string;
  contentType?: string;
  caller: "master" | "session" | "none";
}

export interface FuzzResponse {
  status: number;
  text: string;
  contentType: string;
}

export interface FuzzContext {
  server: TestServer;
  /** The admin's session cookie. */
  cookie: string;
}

export function describeRequest(r: FuzzRequest): string {
  const body = r.body === undefined ? "" : ` ${r.contentType ?? "(no content-type)"} ${r.body.length > 600 ? `${r.body.slice(0, 600)}… (${r.body.length} chars)` : r.body}`;
  return `${r.caller}: ${r.method} ${r.path}${r.query ? `?${r.query}` : ""}${body}`;
}

export async function send(ctx: FuzzContext, r: FuzzRequest): Promise<FuzzResponse> {
  const headers: Record<string, string> = {};
  if (r.caller === "master") headers.authorization = `Bearer ${MASTER_KEY}`;
  if (r.caller === "session") headers.cookie = ctx.cookie;
  if (r.contentType) headers["content-type"] = r.contentType;
  const res = await fetch(`${ctx.server.url}${r.path}${r.query ? `?${r.query}` : ""}`, { method: r.method, headers, body: r.body, redirect: "manual" });
  return { status: res.status, text: await res.text(), contentType: res.headers.get("content-type") ?? "" };
}

/**
 * Refuses (as a precondition, so fast-check draws another) any request carrying a URL whose host is
 * not on the safe list: a second fence behind the generators, so a fuzzed hook, policy webhook or
 * embeddings URL can never make the server call out of the machine.
 */
export function assertSafeOutbound(r: FuzzRequest) {
  const strings: unknown[] = [decodeLoose(r.query), decodeLoose(r.path)];
  if (r.body !== undefined) {
    strings.push(r.body, decodeLoose(r.body));
    try {
      strings.push(JSON.parse(r.body));
    } catch {
      /* not JSON */
    }
  }
  const bad = unsafeHosts(strings);
  fc.pre(bad.length === 0);
}

function decodeLoose(s: string): string[] {
  const parts = s.split(/[&=]/);
  return parts.map((p) => {
    try {
      return decodeURIComponent(p.replace(/\+/g, " "));
    } catch {
      return p;
    }
  });
}

/** The error envelope, exactly: `{ error: { code, message, details? } }`. */
export function assertEnvelope(r: FuzzResponse, where: string) {
  expect(r.contentType, `4xx without JSON: ${where}`).toMatch(/application\/json/);
  let json: { error?: Record<string, unknown> } | undefined;
  try {
    json = JSON.parse(r.text);
  } catch {
    json = undefined;
  }
  expect(typeof json?.error?.code, `4xx without error.code: ${where}`).toBe("string");
  expect(typeof json?.error?.message, `4xx without error.message: ${where}`).toBe("string");
  expect(Object.keys(json!.error!).filter((k) => !["code", "message", "details"].includes(k)), `unexpected keys in the envelope: ${where}`).toEqual([]);
}

// ---- the fingerprint: what a refused request must not have changed ----

// Fields the server changes on its own (deliveries, deploys, sign-ins, key use), left out of the reading.
// Deploys run in the background: what they change (pending changes, document count, live version) is
// left out, and the tasks total catches a refused ingestion that queued something anyway.
const VOLATILE = new Set(["lastUsedAt", "lastSignInAt", "lastDelivery", "liveDeploymentId", "documentCount", "pending", "updatedAt"]);
const HOOK_VOLATILE = new Set([...VOLATILE, "status", "consecutiveFailures", "failingSince", "updatedAt"]);

function strip(v: unknown, volatile = VOLATILE): unknown {
  if (Array.isArray(v)) return v.map((x) => strip(x, volatile));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !volatile.has(k)).map(([k, x]) => [k, strip(x, volatile)]));
  return v;
}

/** The parts of the instance a reading can cover. */
export type Part = "indexes" | "tasks" | "keys" | "hooks" | "users" | "invites" | "registration";
const PART_PATHS: Record<Part, string> = {
  indexes: "/api/v1/indexes",
  tasks: "/api/v1/tasks?limit=1",
  keys: "/api/v1/keys",
  hooks: "/api/v1/hooks",
  users: "/api/v1/users",
  invites: "/api/v1/invites",
  registration: "/api/v1/settings/registration",
};
export const ALL_PARTS = Object.keys(PART_PATHS) as Part[];

/**
 * What a write to `path` could touch (the audit log is always read as well). Reading only those keeps
 * a run cheap; the routes that could touch anything (the odd paths) read every part.
 */
export function partsFor(path: string): Part[] {
  if (/^\/api\/v1\/(indexes|webhooks)\//.test(path) || path === "/api/v1/indexes") return ["indexes", "tasks"];
  if (/^\/api\/v1\/(hooks|inspect)/.test(path)) return ["hooks", "tasks"];
  if (path.startsWith("/api/v1/keys")) return ["keys"];
  if (/^\/api\/v1\/(users|invites|signup|setup|profile)/.test(path)) return ["users", "invites"];
  if (path.startsWith("/api/v1/settings")) return ["registration", "users"];
  return ALL_PARTS;
}

/** A reading of the instance: the chosen parts, and the newest audit entry apart. */
interface Reading {
  state: Partial<Record<Part, string>>;
  audit: string | null;
}

const masterGet = (ctx: FuzzContext) => async (path: string) => {
  const res = await fetch(ctx.server.url + path, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
  return res.json() as Promise<Record<string, unknown>>;
};

/** Reads `parts` and the newest audit entry; fields the server changes on its own are left out. */
export async function readInstance(ctx: FuzzContext, parts: Part[]): Promise<Reading> {
  const get = masterGet(ctx);
  const [audit, ...values] = await Promise.all([get("/api/v1/audit?limit=1"), ...parts.map((p) => get(PART_PATHS[p]))]);
  const state: Reading["state"] = {};
  parts.forEach((p, i) => {
    const v = values[i];
    state[p] = JSON.stringify(p === "tasks" ? v.total : strip(v, p === "hooks" ? HOOK_VOLATILE : VOLATILE));
  });
  return { state, audit: (audit.results as { id: string }[] | undefined)?.[0]?.id ?? null };
}

/**
 * Audit entries a refused request may legitimately write: a wrong password (counted by the sign-in
 * throttle) and a refused sign-up are recorded precisely because they were refused.
 */
const SECURITY_RECORDS = new Set(["auth.sign_in_failed", "signup.refused"]);

/** Waits until no task is enqueued or processing (a 2xx may have started a deploy that changes pending counts). */
export async function quiesce(ctx: FuzzContext, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { total } = await masterGet(ctx)("/api/v1/tasks?statuses=enqueued,processing&limit=1");
    if (total === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Keeps the last reading of each part: a part is read again only after a request that was not refused. */
export class Fingerprints {
  private last: Reading = { state: {}, audit: null };
  private auditKnown = false;
  /** A schema update applies in a task: wait for it before reading again. */
  private settle = false;
  constructor(private ctx: FuzzContext) {}
  async before(parts: Part[]): Promise<void> {
    const missing = parts.filter((p) => this.last.state[p] === undefined);
    if (!missing.length && this.auditKnown) return;
    if (this.settle) await quiesce(this.ctx);
    this.settle = false;
    const now = await readInstance(this.ctx, missing);
    this.last = { state: { ...this.last.state, ...now.state }, audit: now.audit };
    this.auditKnown = true;
  }
  /** After a 4xx: what changed since before(), or null when nothing did. */
  async changed(parts: Part[]): Promise<string | null> {
    const before = this.last;
    const now = await readInstance(this.ctx, parts);
    const differs = parts.filter((p) => now.state[p] !== before.state[p]);
    if (differs.length) {
      this.invalidate();
      return differs.map((p) => `${p} before: ${before.state[p]}\n${p} after:  ${now.state[p]}`).join("\n");
    }
    if (now.audit !== before.audit) {
      const { results } = (await masterGet(this.ctx)("/api/v1/audit?limit=100")) as { results: { id: string; action: string }[] };
      const since = results.slice(0, Math.max(0, results.findIndex((e) => e.id === before.audit)));
      const unexpected = since.filter((e) => !SECURITY_RECORDS.has(e.action));
      if (unexpected.length || !since.length) {
        this.invalidate();
        return `audit entries written: ${JSON.stringify(unexpected.length ? unexpected : results.slice(0, 3))}`;
      }
      this.last.audit = now.audit;
    }
    return null;
  }
  invalidate(settle = false) {
    this.last = { state: {}, audit: null };
    this.auditKnown = false;
    this.settle ||= settle;
  }
}
