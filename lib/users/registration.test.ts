// Audit entries of sign-up decisions and failures, and what is stored on the user (userData, the
// evaluation flag), read straight from a fresh database; the decision receiver is real HTTP on loopback.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Loopback is allowed for the receiver, and the timeout is short; set before env() is first read.
process.env.ALLOWED_IP_NETWORKS = "127.0.0.1/32";
process.env.POLICY_HOOK_TIMEOUT_MS = "400";

import type { DbHandle } from "../db";
import { auditLog, settings, users } from "../db/schema";
import { AppError } from "../errors";
import { freshDb } from "../testing/db";
import { startReceiver, type Receiver } from "../testing/receiver";
import { testRegistrationHook } from "./policy-test";
import { readRegistration, registrationSecret, updateRegistration } from "./registration";
import { signUp } from "./signup";

let h: DbHandle;
let receiver: Receiver;
const admin = { type: "master" } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = (body: unknown, status = 200) => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  h = await freshDb();
  receiver = await startReceiver(async (req) => {
    const local = (JSON.parse(req.body).email as string).split("@")[0];
    if (local === "no") return json({ ok: true, action: "reject" });
    if (local === "eval") return json({ ok: true, action: "eval", userData: { team: "qa" } });
    if (local === "err") return json({}, 500);
    if (local === "slow") return sleep(1200).then(() => json({ ok: true, action: "prod" }));
    if (local === "bad") return { status: 200, body: "<html>" };
    if (local === "shape") return json({ ok: true, action: "promote" });
    return json({ ok: true, action: "prod", userData: { displayName: "Yes Person", email: "ignored@example.com", plan: { tier: 2 } } });
  });
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const input = (email: string) => ({ name: "Given", email, password: "correct horse battery" });

async function attempt(email: string): Promise<AppError | null> {
  try {
    await signUp({ db: h.db, input: input(email), ip: "203.0.113.9" });
    return null;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

async function auditFor(email: string) {
  return h.db.select().from(auditLog).where(eq(auditLog.actorName, email)).orderBy(asc(auditLog.id));
}

async function userBy(email: string) {
  const [u] = await h.db.select().from(users).where(eq(users.email, email));
  return u;
}

describe("audit of sign-up decisions", () => {
  it("closed: refused with reason registration_closed", async () => {
    expect((await attempt("closed@example.com"))?.code).toBe("registration_closed");
    const [row] = await auditFor("closed@example.com");
    expect(row).toMatchObject({ actorType: "anonymous", action: "signup.refused", ip: "203.0.113.9", details: { reason: "registration_closed" } });
    expect(await userBy("closed@example.com")).toBeUndefined();
  });

  it("open: admitted as member, user and entry together", async () => {
    await updateRegistration({ db: h.db, principal: admin, input: { mode: "open" } });
    expect(await attempt("open@example.com")).toBeNull();
    const u = await userBy("open@example.com");
    expect(u).toMatchObject({ role: "member", evaluation: false, userData: null, name: "Given" });
    const [row] = await auditFor("open@example.com");
    expect(row).toMatchObject({ action: "signup.admitted", targetType: "user", targetId: u.id, details: { mode: "open", action: null, role: "member" } });
  });

  it("two concurrent sign-ups with one email: one account, the other 409", async () => {
    const results = await Promise.all([attempt("race@example.com"), attempt("race@example.com")]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.find((r) => r !== null)).toMatchObject({ status: 409 });
    expect(await h.db.select().from(users).where(eq(users.email, "race@example.com"))).toHaveLength(1);
    expect((await auditFor("race@example.com")).map((r) => r.action).sort()).toEqual(["signup.admitted", "signup.refused"]);
  });

  it("webhook: the secret never reaches the audit log or the settings change entry", async () => {
    const saved = await updateRegistration({ db: h.db, principal: admin, input: { mode: "webhook", webhookUrl: `${receiver.url}/p` } });
    expect(saved.secret).toMatch(/^whsec_/);
    await registrationSecret({ db: h.db, principal: admin, action: "reveal" });
    await registrationSecret({ db: h.db, principal: admin, action: "rotate" });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.actorType, "master")).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual([
      "settings.registration_changed",
      "settings.registration_changed",
      "settings.policy_secret_revealed",
      "settings.policy_secret_rotated",
    ]);
    expect(rows[1].details).toMatchObject({ before: { mode: "open", webhookUrl: null }, after: { mode: "webhook", webhookUrl: `${receiver.url}/p` } });
    const current = (await readRegistration(h.db)).webhook!.secret;
    const all = JSON.stringify(await h.db.select().from(auditLog));
    for (const s of [saved.secret!, current]) expect(all).not.toContain(s.slice(6, 30));
    expect(JSON.stringify(await h.db.select().from(settings))).toContain(current);
  });

  it("reject: refused, no user, an entry", async () => {
    expect((await attempt("no@example.com"))?.code).toBe("access_refused");
    expect(await userBy("no@example.com")).toBeUndefined();
    const [row] = await auditFor("no@example.com");
    expect(row).toMatchObject({ action: "signup.refused", details: { reason: "rejected_by_webhook", action: "reject" } });
  });

  it("eval: viewer with the evaluation flag and the userData stored", async () => {
    expect(await attempt("eval@example.com")).toBeNull();
    expect(await userBy("eval@example.com")).toMatchObject({ role: "viewer", evaluation: true, userData: { team: "qa" }, name: "Given" });
    expect((await auditFor("eval@example.com"))[0]).toMatchObject({ action: "signup.admitted", details: { mode: "webhook", action: "eval", role: "viewer" } });
  });

  it("prod: member, displayName as the name, the given email kept, all of userData stored", async () => {
    expect(await attempt("yes@example.com")).toBeNull();
    const u = await userBy("yes@example.com");
    expect(u).toMatchObject({ role: "member", evaluation: false, name: "Yes Person" });
    expect(u.userData).toEqual({ displayName: "Yes Person", email: "ignored@example.com", plan: { tier: 2 } });
    expect(await userBy("ignored@example.com")).toBeUndefined();
  });

  it.each([
    ["err", "HTTP 500"],
    ["slow", "timeout after 400 ms"],
    ["bad", "invalid JSON"],
    ["shape", "unexpected shape: action:"],
  ])("%s fails closed with the reason in the audit log", async (local, reason) => {
    const email = `${local}@example.com`;
    const err = await attempt(email);
    expect(err).toMatchObject({ status: 503, code: "policy_unavailable" });
    expect(await userBy(email)).toBeUndefined();
    const [row] = await auditFor(email);
    expect(row.action).toBe("signup.failed_closed");
    expect(String(row.details!.reason)).toContain(reason);
    expect(row.targetId).toMatch(/^usr_/);
  });

  it("an address the SSRF guard refuses at send time fails closed with its message", async () => {
    // Stored directly: the save-time check would refuse it (the network could also change after saving).
    const s = await readRegistration(h.db);
    await h.db.update(settings).set({ value: { ...s, webhook: { ...s.webhook!, url: "http://10.9.8.7/policy" } } }).where(eq(settings.key, "registration"));
    expect((await attempt("ssrf@example.com"))?.code).toBe("policy_unavailable");
    const [row] = await auditFor("ssrf@example.com");
    expect(row.action).toBe("signup.failed_closed");
    expect(String(row.details!.reason)).toMatch(/Refused 10\.9\.8\.7: .*private/i);
  });

  it("Send test reports an SSRF refusal of the URL given as a 400, sending nothing", async () => {
    const n = receiver.requests.length;
    await expect(testRegistrationHook({ db: h.db, principal: admin, input: { url: "http://10.9.8.7/x" } })).rejects.toMatchObject({ status: 400, code: "ssrf_refused" });
    expect(receiver.requests.length).toBe(n);
  });
});
