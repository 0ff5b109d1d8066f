// Sign-up under the registration policy over real HTTP, with a real decision receiver on loopback:
// closed, open, and webhook (reject / eval / prod with userData, and every failure failing closed).
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver, type Received } from "../testing/receiver";
import { api, signInCookie, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let receiver: Receiver;
const TIMEOUT_MS = 1500;
const PASSWORD = "correct horse battery";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The decision receiver: the answer depends on the email the request carries.
async function decide(req: Received) {
  const { email } = JSON.parse(req.body) as { email: string };
  const local = email.split("@")[0];
  const json = (status: number, body: unknown) => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  switch (local) {
    case "reject":
      return json(200, { ok: true, action: "reject" });
    case "okfalse":
      return json(200, { ok: false, action: "prod" });
    case "eval":
      return json(200, { ok: true, action: "eval" });
    case "prod":
      return json(200, { ok: true, action: "prod", userData: { displayName: "Prod Person", plan: "pro", email: "other@example.com" } });
    case "created":
      return json(201, { ok: true, action: "prod" });
    case "err500":
      return json(500, { ok: true, action: "prod" });
    case "slow":
      // Far past the timeout, so "gave up at the timeout" and "waited for the answer" stay apart on a loaded machine.
      await sleep(TIMEOUT_MS + 20_000);
      return json(200, { ok: true, action: "prod" });
    case "badjson":
      return { status: 200, headers: { "content-type": "application/json" }, body: "{ok: true, action: prod" };
    case "shape":
      return json(200, { ok: "yes", action: "admit" });
    case "redirect":
      return { status: 302, headers: { location: `${receiver.url}/elsewhere` } };
    default:
      return json(200, { ok: true, action: "prod" });
  }
}

beforeAll(async () => {
  receiver = await startReceiver(decide);
  server = await startServer({ ALLOWED_IP_NETWORKS: "127.0.0.1/32", POLICY_HOOK_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

const admin = () => api(server);
const anon = () => api(server, null);
const signup = (email: string, name = "Some One") => anon()("POST", "/api/v1/signup", { name, email, password: PASSWORD });

async function setMode(mode: string, webhookUrl?: string) {
  const r = await admin()("PUT", "/api/v1/settings/registration", webhookUrl === undefined ? { mode } : { mode, webhookUrl });
  expect(r.status, r.text).toBe(200);
  return r.json;
}

async function me(email: string) {
  const cookie = await signInCookie(server, email, PASSWORD);
  if (!cookie) return null;
  const r = await anon()("GET", "/api/v1/me", undefined, { cookie });
  expect(r.status).toBe(200);
  return r.json;
}

let secret: string;

describe("closed (the default) and open", () => {
  it("the OpenAPI document lists every route of the policy", async () => {
    const r = await anon()("GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.json.paths["/api/v1/signup"]).toHaveProperty("post");
    expect(r.json.paths["/api/v1/signup"]).toHaveProperty("get");
    expect(r.json.paths["/api/v1/settings/registration"]).toHaveProperty("put");
    expect(r.json.paths["/api/v1/settings/registration/secret"]).toHaveProperty("post");
    expect(r.json.paths["/api/v1/settings/registration/test"]).toHaveProperty("post");
    expect(r.json.components.schemas).toHaveProperty("PolicyVerdict");
  });

  it("is closed by default: the public status says so and sign-up is refused, creating no one", async () => {
    expect((await anon()("GET", "/api/v1/signup")).json).toEqual({ mode: "closed" });
    const r = await signup("closed@example.com");
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("registration_closed");
    expect(r.json.error.message).toMatch(/invitation/);
    expect(await me("closed@example.com")).toBeNull();
  });

  it("rejects invalid sign-up input with 400 and creates nobody", async () => {
    await setMode("open");
    for (const body of [{ name: "X", email: "not-an-email", password: PASSWORD }, { name: "X", email: "short@example.com", password: "short" }, { email: "noname@example.com", password: PASSWORD }]) {
      const r = await anon()("POST", "/api/v1/signup", body);
      expect(r.status, r.text).toBe(400);
    }
    expect(await me("short@example.com")).toBeNull();
  });

  it("open: anyone becomes a member and can sign in; a second sign-up with the email is 409", async () => {
    expect((await anon()("GET", "/api/v1/signup")).json).toEqual({ mode: "open" });
    const r = await signup("Open@Example.com", "Opal");
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ email: "open@example.com", name: "Opal", role: "member", evaluation: false });
    expect(r.json.id).toMatch(/^usr_/);
    expect(await me("open@example.com")).toMatchObject({ type: "user", id: r.json.id, role: "member", name: "Opal" });
    const again = await signup("open@example.com");
    expect(again.status).toBe(409);
    expect(receiver.requests).toHaveLength(0);
  });

  it("an address with an open invitation cannot be taken by sign-up (409 invite_pending); the invitee still can", async () => {
    const inv = await api(server)("POST", "/api/v1/invites", { email: "invitee@example.com", role: "admin" });
    expect(inv.status, inv.text).toBe(201);
    const r = await signup("Invitee@example.com", "Impostor");
    expect(r.status, r.text).toBe(409);
    expect(r.json.error.code).toBe("invite_pending");
    expect(await me("invitee@example.com")).toBeNull();
    const acc = await anon()("POST", "/api/v1/invites/accept", { token: inv.json.token, name: "Real Invitee", password: "invitee-password-1" });
    expect(acc.status, acc.text).toBe(201);
  });
});

describe("settings API", () => {
  it("a member gets 403 and an anonymous caller 401 on every settings route", async () => {
    const cookie = await signInCookie(server, "open@example.com", PASSWORD);
    const member = (m: string, p: string, b?: unknown) => anon()(m, p, b, { cookie: cookie! });
    const routes: [string, string, unknown?][] = [
      ["GET", "/api/v1/settings/registration"],
      ["PUT", "/api/v1/settings/registration", { mode: "open" }],
      ["POST", "/api/v1/settings/registration/secret", { action: "reveal" }],
      ["POST", "/api/v1/settings/registration/test", { url: receiver.url }],
    ];
    for (const [m, p, b] of routes) {
      expect((await member(m, p, b)).status, `${m} ${p}`).toBe(403);
      expect((await anon()(m, p, b)).status, `${m} ${p}`).toBe(401);
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it("bad input is 400 and changes nothing; webhook mode needs a URL; SSRF-refused URLs are refused at save", async () => {
    const before = (await admin()("GET", "/api/v1/settings/registration")).json;
    expect(before).toEqual({ mode: "open", webhook: null });
    const bad: unknown[] = [
      { mode: "sometimes" },
      { mode: "webhook" },
      { mode: "webhook", webhookUrl: "" },
      { mode: "webhook", webhookUrl: "ftp://example.com/x" },
      { mode: "webhook", webhookUrl: "http://10.1.2.3/policy" },
      { mode: "webhook", webhookUrl: "http://169.254.169.254/latest" },
      { mode: "open", extra: 1 },
    ];
    for (const body of bad) {
      const r = await admin()("PUT", "/api/v1/settings/registration", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBeTruthy();
    }
    const ssrf = await admin()("PUT", "/api/v1/settings/registration", { mode: "webhook", webhookUrl: "http://10.1.2.3/policy" });
    expect(ssrf.json.error.code).toBe("ssrf_refused");
    const noUrl = await admin()("PUT", "/api/v1/settings/registration", { mode: "webhook" });
    expect(noUrl.json.error.code).toBe("webhook_url_required");
    expect((await admin()("POST", "/api/v1/settings/registration/secret", { action: "reveal" })).status).toBe(404);
    expect((await admin()("POST", "/api/v1/settings/registration/secret", { action: "explode" })).status).toBe(400);
    expect((await admin()("POST", "/api/v1/settings/registration/test", { payload: { email: "x@example.com" } })).status).toBe(400);
    expect((await admin()("GET", "/api/v1/settings/registration")).json).toEqual(before);
    expect(receiver.requests).toHaveLength(0);
  });

  it("the first webhook URL generates a secret shown once; reads mask it; reveal and rotate", async () => {
    const saved = await setMode("webhook", `${receiver.url}/policy`);
    expect(saved.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(saved).toMatchObject({ mode: "webhook", webhook: { url: `${receiver.url}/policy`, timeoutMs: TIMEOUT_MS, lastTest: null } });
    expect(saved.webhook.secretMasked).toBe(`whsec_••••${saved.secret.slice(-4)}`);
    const read = await admin()("GET", "/api/v1/settings/registration");
    expect(read.text).not.toContain(saved.secret);
    expect(read.json.webhook.secretMasked).toBe(saved.webhook.secretMasked);
    // Saving again keeps the secret and does not show it.
    const again = await setMode("webhook", `${receiver.url}/policy`);
    expect(again.secret).toBeUndefined();
    expect((await admin()("POST", "/api/v1/settings/registration/secret", { action: "reveal" })).json).toEqual({ secret: saved.secret });
    const rotated = await admin()("POST", "/api/v1/settings/registration/secret", { action: "rotate" });
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(saved.secret);
    expect((await admin()("POST", "/api/v1/settings/registration/secret", { action: "reveal" })).json.secret).toBe(rotated.json.secret);
    secret = rotated.json.secret;
  });

  it("Send test shows the request sent and the response received, records lastTest, and creates no one", async () => {
    const n = receiver.requests.length;
    const r = await admin()("POST", "/api/v1/settings/registration/test", { payload: { userId: "usr_sample", email: "prod@example.com" } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.request.url).toBe(`${receiver.url}/policy`);
    expect(JSON.parse(r.json.request.body)).toEqual({ userId: "usr_sample", email: "prod@example.com" });
    expect(r.json.request.headers).toMatchObject({ "content-type": "application/json" });
    expect(r.json.response).toMatchObject({ status: 200 });
    expect(r.json.verdict).toMatchObject({ ok: true, action: "prod", userData: { displayName: "Prod Person" } });
    expect(r.json).toMatchObject({ admits: true, role: "member", error: null });
    expect(r.json.latencyMs).toBeGreaterThanOrEqual(0);
    await receiver.waitFor(n + 1);
    const got = receiver.requests[n];
    expect(got.body).toBe(r.json.request.body);
    expect(() => new Webhook(secret).verify(got.body, got.headers)).not.toThrow();
    const settings = (await admin()("GET", "/api/v1/settings/registration")).json;
    expect(settings.webhook.lastTest).toMatchObject({ ok: true, url: `${receiver.url}/policy`, verdict: { action: "prod" } });
    expect(await me("prod@example.com")).toBeNull();

    const failing = await admin()("POST", "/api/v1/settings/registration/test", { payload: { userId: "usr_x", email: "err500@example.com" } });
    expect(failing.json).toMatchObject({ verdict: null, admits: false, error: "HTTP 500", response: { status: 500 } });
    expect((await admin()("GET", "/api/v1/settings/registration")).json.webhook.lastTest).toMatchObject({ ok: false, verdict: null });
  });
});

describe("webhook decisions", () => {
  function lastRequestFor(email: string) {
    const hits = receiver.requests.filter((q) => q.body.includes(`"${email}"`));
    return hits[hits.length - 1];
  }

  it("reject: no account, 403 access_refused; the receiver got a signed { userId, email }", async () => {
    const r = await signup("reject@example.com");
    expect(r.status, r.text).toBe(403);
    expect(r.json.error.code).toBe("access_refused");
    expect(r.json.error.message).toMatch(/refused/i);
    const got = lastRequestFor("reject@example.com");
    expect(got.method).toBe("POST");
    expect(got.path).toBe("/policy");
    const body = JSON.parse(got.body);
    expect(Object.keys(body).sort()).toEqual(["email", "userId"]);
    expect(body.email).toBe("reject@example.com");
    expect(body.userId).toMatch(/^usr_/);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["user-agent"]).toMatch(/^Indexhook/);
    expect(got.headers["webhook-id"]).toMatch(/^msg_/);
    expect(new Webhook(secret).verify(got.body, got.headers)).toEqual(body);
    expect(() => new Webhook(`whsec_${Buffer.from("another-secret-entirely-000000").toString("base64")}`).verify(got.body, got.headers)).toThrow();
    expect(await me("reject@example.com")).toBeNull();
  });

  it("ok: false counts as reject", async () => {
    const r = await signup("okfalse@example.com");
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("access_refused");
    expect(await me("okfalse@example.com")).toBeNull();
  });

  it("eval: a viewer marked evaluation, who can sign in", async () => {
    const r = await signup("eval@example.com", "Eve Val");
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ email: "eval@example.com", role: "viewer", evaluation: true, name: "Eve Val" });
    expect(await me("eval@example.com")).toMatchObject({ id: r.json.id, role: "viewer" });
  });

  it("prod with userData: a member named by displayName, keeping the email given; the userId sent is the account's id", async () => {
    const r = await signup("prod@example.com", "Given Name");
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ email: "prod@example.com", role: "member", evaluation: false, name: "Prod Person" });
    expect(JSON.parse(lastRequestFor("prod@example.com").body).userId).toBe(r.json.id);
    expect(await me("prod@example.com")).toMatchObject({ id: r.json.id, role: "member", name: "Prod Person", email: "prod@example.com" });
    expect(await me("other@example.com")).toBeNull();
  });

  it("any 2xx is accepted", async () => {
    expect((await signup("created@example.com")).status).toBe(201);
  });

  it.each([
    ["err500", "HTTP 500"],
    ["slow", "timeout"],
    ["badjson", "invalid JSON"],
    ["shape", "wrong shape"],
    ["redirect", "302 not followed"],
  ])("%s (%s) fails closed: 503 policy_unavailable, no account", async (local) => {
    const email = `${local}@example.com`;
    const n = receiver.requests.length;
    const started = Date.now();
    const r = await signup(email);
    expect(r.status, r.text).toBe(503);
    expect(r.json.error.code).toBe("policy_unavailable");
    expect(r.json.error.message).toMatch(/could not be confirmed/);
    expect(r.json.error.message).toMatch(/try again later or contact the administrator/);
    if (local === "slow") expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 10_000);
    expect(receiver.requests.slice(n).filter((q) => q.body.includes(email))).toHaveLength(1);
    // The redirect target was never asked.
    expect(receiver.requests.some((q) => q.path === "/elsewhere")).toBe(false);
    expect(await me(email)).toBeNull();
  });

  it("an unreachable policy webhook fails closed too", async () => {
    const dead = await startReceiver();
    const url = `${dead.url}/gone`;
    await dead.close();
    await setMode("webhook", url);
    const r = await signup("unreachable@example.com");
    expect(r.status).toBe(503);
    expect(await me("unreachable@example.com")).toBeNull();
    await setMode("webhook", `${receiver.url}/policy`);
  });

  it("back to closed: sign-up is refused again without asking the webhook", async () => {
    await setMode("closed");
    const n = receiver.requests.length;
    const r = await signup("late@example.com");
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("registration_closed");
    expect(receiver.requests.length).toBe(n);
    // The webhook stays configured for later.
    expect((await admin()("GET", "/api/v1/settings/registration")).json.webhook.url).toBe(`${receiver.url}/policy`);
  });
});
