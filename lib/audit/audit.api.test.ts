// The audit log over real HTTP: every wired change, made through the API with the master key or a
// session, writes exactly one entry naming the right actor and target; failed changes write none;
// no entry holds a secret the test created; filters, paging and access rules of GET /api/v1/audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../testing/receiver";
import { api, MASTER_KEY, settle, signInCookie, startServer, type TestServer } from "../testing/server";

const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "ada-password-123" };
const CLIENT_IP = "203.0.113.7";

let server: TestServer;
let rx: Receiver;
let cookie: string;
let adminId: string;
/** Every secret value the test saw (keys, hook secrets and tokens, header values, passwords). */
const secrets = new Set<string>([ADMIN.password]);

beforeAll(async () => {
  server = await startServer({ ALLOWED_IP_NETWORKS: "127.0.0.1/32" });
  rx = await startReceiver(() => ({ status: 204 }));
  const setup = await api(server, null)("POST", "/api/v1/setup", ADMIN);
  expect(setup.status, setup.text).toBe(201);
  adminId = setup.json.id;
  cookie = (await signInCookie(server, ADMIN.email, ADMIN.password))!;
  expect(cookie).toBeTruthy();
});
afterAll(async () => {
  await rx?.close();
  await server?.stop();
});

const master = () => api(server);
/** A call as the signed-in admin (session cookie, no bearer), from a known client address. */
const session = (method: string, path: string, body?: unknown) => api(server, null)(method, path, body, { cookie, "x-forwarded-for": CLIENT_IP });

type Entry = { id: string; at: string; actor: { type: string; id: string | null; name: string | null }; action: string; target: { type: string; id: string | null; name?: string | null } | null; details: Record<string, unknown> | null; ip: string | null };

async function audit(query: Record<string, string> = {}): Promise<Entry[]> {
  const r = await master()("GET", `/api/v1/audit?${new URLSearchParams({ limit: "200", ...query })}`);
  expect(r.status, r.text).toBe(200);
  return r.json.results;
}

/** The one entry with this action and target (fails when there are none or several). */
async function only(action: string, targetId: string): Promise<Entry> {
  const found = await audit({ action, targetId });
  expect(found, `${action} on ${targetId}`).toHaveLength(1);
  return found[0];
}

const asMaster = { type: "master", id: "master", name: "master key" };
const asAdmin = () => ({ type: "user", id: adminId, name: ADMIN.email });

describe("API keys", () => {
  it("key.created and key.revoked, by master key and by session, name the actor and the key, never the secret", async () => {
    const a = await master()("POST", "/api/v1/keys", { name: "ci", actions: ["ingest", "deploy"], indexes: ["docs"] });
    expect(a.status).toBe(201);
    secrets.add(a.json.key);
    const e = await only("key.created", a.json.id);
    expect(e).toMatchObject({ actor: asMaster, target: { type: "key", id: a.json.id }, details: { name: "ci", actions: ["ingest", "deploy"], indexes: ["docs"], expiresAt: null } });

    const b = await session("POST", "/api/v1/keys", { name: "web", actions: ["search"] });
    expect(b.status, b.text).toBe(201);
    secrets.add(b.json.key);
    expect(await only("key.created", b.json.id)).toMatchObject({ actor: asAdmin(), ip: CLIENT_IP, target: { type: "key", id: b.json.id, name: "web" } });

    expect((await session("DELETE", `/api/v1/keys/${a.json.id}`)).status).toBe(200);
    expect(await only("key.revoked", a.json.id)).toMatchObject({ actor: asAdmin(), target: { type: "key", id: a.json.id } });
    // Revoking again changes nothing and records nothing.
    expect((await master()("DELETE", `/api/v1/keys/${a.json.id}`)).status).toBe(200);
    await only("key.revoked", a.json.id);
  });

  it("a refused change writes no entry (unknown key, invalid body, a grant above the caller's)", async () => {
    const before = (await audit()).length;
    expect((await master()("DELETE", "/api/v1/keys/key_doesnotexist")).status).toBe(404);
    expect((await master()("POST", "/api/v1/keys", { name: "", actions: [] })).status).toBe(400);
    const scoped = await master()("POST", "/api/v1/keys", { name: "scoped admin", actions: ["admin"], indexes: ["docs"] });
    secrets.add(scoped.json.key);
    expect((await api(server, scoped.json.key)("POST", "/api/v1/keys", { name: "wider", actions: ["*"], indexes: ["*"] })).status).toBe(403);
    expect((await audit()).length).toBe(before + 1); // only the scoped key's own key.created
    expect(await audit({ targetId: "key_doesnotexist" })).toEqual([]);
  });
});

describe("webhooks", () => {
  let uuid: string;

  it("hook.created stores the configuration with header names only", async () => {
    const r = await session("POST", "/api/v1/hooks", { url: rx.url, headers: { Authorization: "Bearer sk_live_headervalue1", "X-Env": "production-eu-west" } });
    expect(r.status, r.text).toBe(201);
    uuid = r.json.uuid;
    for (const s of [r.json.secret, r.json.token, "sk_live_headervalue1", "production-eu-west"]) secrets.add(s);
    const e = await only("hook.created", uuid);
    expect(e).toMatchObject({ actor: asAdmin(), target: { type: "hook", id: uuid }, details: { after: { url: rx.url, kind: "changes", headerNames: ["Authorization", "X-Env"], paused: false } } });
  });

  it("hook.updated records before/after of the changed fields; header values only by name", async () => {
    const r = await master()("PATCH", `/api/v1/hooks/${uuid}`, {
      url: `${rx.url}/v2`,
      headers: { Authorization: "Bearer ****", "X-Env": "staging-us-east-1" },
      filters: { indexes: ["docs"] },
    });
    expect(r.status, r.text).toBe(200);
    secrets.add("staging-us-east-1");
    const e = await only("hook.updated", uuid);
    expect(e.actor).toEqual(asMaster);
    expect(e.details).toMatchObject({
      before: { url: rx.url, filters: { indexes: "all" } },
      after: { url: `${rx.url}/v2`, filters: { indexes: ["docs"] } },
      headerValuesChanged: ["X-Env"],
    });
    expect(e.details!.fields).toEqual(["url", "filters", "headerValues"]);
  });

  it("pausing and resuming are hook.paused / hook.resumed, not hook.updated", async () => {
    expect((await session("PATCH", `/api/v1/hooks/${uuid}`, { paused: true })).status).toBe(200);
    expect((await session("PATCH", `/api/v1/hooks/${uuid}`, { paused: false })).status).toBe(200);
    expect(await only("hook.paused", uuid)).toMatchObject({ actor: asAdmin(), details: { before: { paused: false }, after: { paused: true } } });
    expect(await only("hook.resumed", uuid)).toMatchObject({ actor: asAdmin() });
    await only("hook.updated", uuid); // still just the one from before
  });

  it("an invalid PATCH, a PATCH of an unknown hook and an SSRF-refused URL write nothing", async () => {
    const before = (await audit({ targetId: uuid })).length;
    expect((await master()("PATCH", `/api/v1/hooks/${uuid}`, { url: 42 })).status).toBe(400);
    expect((await master()("PATCH", `/api/v1/hooks/${uuid}`, { url: "http://10.0.0.1/x" })).status).toBe(400);
    expect((await master()("PATCH", "/api/v1/hooks/00000000-0000-0000-0000-000000000001", { paused: true })).status).toBe(404);
    expect((await audit({ targetId: uuid })).length).toBe(before);
    expect(await audit({ targetId: "00000000-0000-0000-0000-000000000001" })).toEqual([]);
  });

  it("secret reveal / rotate / regenerate and token reveal / regenerate / set are each recorded, without the value", async () => {
    for (const action of ["reveal", "rotate", "regenerate"]) {
      const r = await session("POST", `/api/v1/hooks/${uuid}/secret`, { action });
      expect(r.status, r.text).toBe(200);
      secrets.add(r.json.secret);
      if (r.json.previousSecret) secrets.add(r.json.previousSecret);
    }
    for (const body of [{ action: "reveal" }, { action: "regenerate" }, { token: "a-hand-made-token-0123456789" }]) {
      const r = await session("POST", `/api/v1/hooks/${uuid}/token`, body);
      expect(r.status, r.text).toBe(200);
      secrets.add(r.json.token);
    }
    for (const action of ["hook.secret_revealed", "hook.secret_rotated", "hook.secret_regenerated", "hook.token_revealed", "hook.token_regenerated", "hook.token_set"]) {
      expect(await only(action, uuid)).toMatchObject({ actor: asAdmin(), target: { type: "hook", id: uuid }, ip: CLIENT_IP });
    }
    expect((await master()("POST", `/api/v1/hooks/${uuid}/secret`, { action: "publish" })).status).toBe(400);
    expect((await master()("POST", `/api/v1/hooks/${uuid}/token`, { token: "short" })).status).toBe(400);
    await only("hook.secret_revealed", uuid);
    await only("hook.token_set", uuid);
  });

  it("hook.test_sent and delivery.replayed", async () => {
    const t = await session("POST", `/api/v1/hooks/${uuid}/test`);
    expect(t.status, t.text).toBe(200);
    expect(await only("hook.test_sent", uuid)).toMatchObject({ actor: asAdmin(), details: { deliveryId: t.json.id } });
    const replay = await master()("POST", `/api/v1/hooks/${uuid}/deliveries/${t.json.id}/retry`);
    expect(replay.status, replay.text).toBe(200);
    expect(await only("delivery.replayed", t.json.id)).toMatchObject({ actor: asMaster, target: { type: "delivery", id: t.json.id }, details: { hook: uuid } });
    expect((await master()("POST", `/api/v1/hooks/${uuid}/deliveries/dlv_nope/retry`)).status).toBe(404);
    expect(await audit({ targetId: "dlv_nope" })).toEqual([]);
  });

  it("hook.deleted keeps what the hook was", async () => {
    expect((await session("DELETE", `/api/v1/hooks/${uuid}`)).status).toBe(200);
    expect(await only("hook.deleted", uuid)).toMatchObject({ actor: asAdmin(), details: { before: { url: `${rx.url}/v2` } } });
    expect((await session("DELETE", `/api/v1/hooks/${uuid}`)).status).toBe(404);
    await only("hook.deleted", uuid);
    // Gone, yet every entry about it still names it: by the URL its last recorded entry had.
    const entries = await audit({ targetId: uuid });
    expect(entries.length).toBeGreaterThan(3);
    for (const e of entries) expect(e.target, e.action).toEqual({ type: "hook", id: uuid, name: `${rx.url}/v2` });
  });
});

describe("the delivery engine", () => {
  it("a hook the engine pauses (410 Gone) gets one hook.auto_paused entry with the system as actor", async () => {
    const gone = await startReceiver(() => ({ status: 410 }));
    try {
      const h = await master()("POST", "/api/v1/hooks", { url: gone.url, kind: "tasks" });
      expect(h.status, h.text).toBe(201);
      secrets.add(h.json.secret).add(h.json.token);
      expect((await master()("POST", "/api/v1/indexes", { id: "gone", name: "Gone", schema: { title: "string" } })).status).toBe(201);
      await settle(master(), (await master()("POST", "/api/v1/webhooks/gone/deploy")).json.taskUid);
      const deadline = Date.now() + 20_000;
      while (!(await master()("GET", `/api/v1/hooks/${h.json.uuid}`)).json.paused) {
        if (Date.now() > deadline) throw new Error("the hook was not paused");
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await only("hook.auto_paused", h.json.uuid)).toMatchObject({
        actor: { type: "system", id: "delivery", name: "delivery engine" },
        details: { reason: "gone: 410", statusCode: 410 },
        ip: null,
      });
    } finally {
      await gone.close();
    }
  });
});

describe("indexes, deploys and rollbacks", () => {
  const id = "audited";

  it("index.created, index.updated (before/after), deploy.requested, deploy.rolled_back, index.deleted", async () => {
    const c = await session("POST", "/api/v1/indexes", { id, name: "Audited", schema: { title: "string" } });
    expect(c.status, c.text).toBe(201);
    expect(await only("index.created", id)).toMatchObject({ actor: asAdmin(), target: { type: "index", id }, details: { after: { name: "Audited", schema: { title: "string" } } } });

    const u = await master()("PATCH", `/api/v1/indexes/${id}`, { name: "Audited v2", schema: { title: "string", year: "number" } });
    expect(u.status, u.text).toBe(200);
    expect(await only("index.updated", id)).toMatchObject({
      actor: asMaster,
      details: { fields: ["name", "schema"], before: { name: "Audited", schema: { title: "string" } }, after: { name: "Audited v2", schema: { title: "string", year: "number" } } },
    });
    // A bad schema change is refused and recorded nowhere.
    expect((await master()("PATCH", `/api/v1/indexes/${id}`, { schema: { title: "nope" } })).status).toBe(400);
    await only("index.updated", id);

    // Two deploys (documents are data-plane writes: not audited), then a rollback to the first.
    const deployKey = await master()("POST", "/api/v1/keys", { name: "deployer", actions: ["ingest", "deploy"], indexes: [id] });
    secrets.add(deployKey.json.key);
    const asKey = api(server, deployKey.json.key);
    expect((await asKey("POST", `/api/v1/webhooks/${id}/snapshot`, [{ id: "1", title: "one" }])).status).toBe(202);
    const d1 = await asKey("POST", `/api/v1/webhooks/${id}/deploy`);
    expect(d1.status, d1.text).toBe(202);
    await settle(master(), d1.json.taskUid);
    expect((await asKey("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "2", title: "two" }] })).status).toBe(202);
    const d2 = await session("POST", `/api/v1/webhooks/${id}/deploy`);
    expect(d2.status, d2.text).toBe(202);
    await settle(master(), d2.json.taskUid);
    const deploys = await audit({ action: "deploy.requested", targetId: id });
    expect(deploys.map((e) => [e.actor.type, e.actor.id, e.details?.taskUid])).toEqual([
      ["user", adminId, d2.json.taskUid],
      ["key", deployKey.json.id, d1.json.taskUid],
    ]);
    expect(deploys[1].actor.name).toBe("deployer");
    expect(await audit({ action: "index." , targetId: id })).toHaveLength(2); // snapshot/notify wrote nothing

    const history = (await master()("GET", `/api/v1/indexes/${id}/deployments`)).json.results;
    const rb = await session("POST", `/api/v1/indexes/${id}/deployments/${history[1].id}/rollback`);
    expect(rb.status, rb.text).toBe(202);
    expect(await only("deploy.rolled_back", id)).toMatchObject({ actor: asAdmin(), details: { toDeploymentId: history[1].id, toVersion: history[1].version } });
    await settle(master(), rb.json.taskUid);
    // Rolling back to the live version is refused: no second entry.
    const live = (await master()("GET", `/api/v1/indexes/${id}/deployments`)).json.results.find((d: { live: boolean }) => d.live);
    expect((await session("POST", `/api/v1/indexes/${id}/deployments/${live.id}/rollback`)).status).toBe(400);
    await only("deploy.rolled_back", id);

    const s = await asKey("POST", `/api/v1/webhooks/${id}/update-schema`, { schema: { title: "string", year: "number", tags: "string[]" } });
    expect(s.status, s.text).toBe(202);
    const viaWebhook = (await audit({ action: "index.updated", targetId: id }))[0];
    expect(viaWebhook).toMatchObject({ actor: { type: "key", id: deployKey.json.id }, details: { via: "update-schema", fields: ["schema"] } });

    expect((await session("DELETE", `/api/v1/indexes/${id}`)).status).toBe(200);
    expect(await only("index.deleted", id)).toMatchObject({ actor: asAdmin(), details: { before: { name: "Audited v2" } } });
    expect((await session("DELETE", `/api/v1/indexes/${id}`)).status).toBe(404);
    await only("index.deleted", id);
  });

  it("a repeated Idempotency-Key deploy is one change and one entry", async () => {
    expect((await master()("POST", "/api/v1/indexes", { id: "idem", name: "Idem", schema: { title: "string" } })).status).toBe(201);
    const headers = { "idempotency-key": "deploy-once" };
    const a = await api(server)("POST", "/api/v1/webhooks/idem/deploy", undefined, headers);
    const b = await api(server)("POST", "/api/v1/webhooks/idem/deploy", undefined, headers);
    expect(b.json.taskUid).toBe(a.json.taskUid);
    expect(await audit({ action: "deploy.requested", targetId: "idem" })).toHaveLength(1);
  });
});

/** A credentials sign-in sent from `ip` (appended by the nearest proxy after a client-claimed address); true when it succeeded. */
async function signInFrom(email: string, password: string, ip: string): Promise<boolean> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, "x-forwarded-for": `203.0.113.99, ${ip}` },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return res.headers.getSetCookie().some((c) => c.includes("next-auth.session-token="));
}

describe("setup and sign-in", () => {
  it("the first admin's creation is user.created, by themselves", async () => {
    expect(await only("user.created", adminId)).toMatchObject({ actor: asAdmin(), details: { via: "setup", role: "admin" } });
  });

  it("records the client address of sign-ins, failed or not", async () => {
    expect(await signInFrom(ADMIN.email, "another-wrong-password", "198.51.100.23")).toBe(false);
    secrets.add("another-wrong-password");
    expect(await signInFrom(ADMIN.email, ADMIN.password, "198.51.100.24")).toBe(true);
    const [ok] = await audit({ action: "auth.signed_in" });
    expect(ok).toMatchObject({ actor: asAdmin(), ip: "198.51.100.24" });
    const [failed] = await audit({ action: "auth.sign_in_failed" });
    expect(failed).toMatchObject({ actor: { type: "anonymous", name: ADMIN.email }, ip: "198.51.100.23", details: { reason: "wrong credentials" } });
  });

  it("records failures with the email tried and the reason, never the password; success as auth.signed_in", async () => {
    const wrong = "not-the-password-9876";
    secrets.add(wrong);
    expect(await signInCookie(server, ADMIN.email, wrong)).toBeNull();
    expect(await signInCookie(server, "nobody@example.com", wrong)).toBeNull();
    const failures = await audit({ action: "auth.sign_in_failed" });
    expect(failures.slice(0, 2).map((e) => [e.actor.type, e.actor.name, e.details?.reason, e.target?.id ?? null])).toEqual([
      ["anonymous", "nobody@example.com", "wrong credentials", null],
      ["anonymous", ADMIN.email, "wrong credentials", adminId],
    ]);
    const ok = await audit({ action: "auth.signed_in", actor: ADMIN.email });
    expect(ok.length).toBeGreaterThanOrEqual(1); // the cookie of beforeAll
    expect(ok[0]).toMatchObject({ actor: asAdmin(), target: { type: "user", id: adminId } });
  });
});

describe("reading the log", () => {
  it("no entry anywhere contains a secret, token, key, header value or password the test created", async () => {
    const all = JSON.stringify(await audit());
    expect(secrets.size).toBeGreaterThan(12);
    for (const s of secrets) expect(all, `leaked ${s.slice(0, 10)}…`).not.toContain(s);
    expect(all).not.toContain(MASTER_KEY);
  });

  it("filters: actor (id or name, substring, any case), action (exact or prefix), target, dates", async () => {
    const byName = await audit({ actor: "ADA@EXAMPLE" });
    expect(byName.length).toBeGreaterThan(5);
    expect(byName.every((e) => e.actor.name === ADMIN.email)).toBe(true);
    expect((await audit({ actor: adminId })).map((e) => e.id)).toEqual(byName.filter((e) => e.actor.id === adminId).map((e) => e.id));
    const hooks = await audit({ action: "hook." });
    expect(hooks.length).toBeGreaterThanOrEqual(10);
    expect(hooks.every((e) => e.action.startsWith("hook."))).toBe(true);
    expect((await audit({ action: "hook" })).length).toBe(0); // exact match, no such action
    const keys = await audit({ targetType: "key" });
    expect(keys.every((e) => e.target?.type === "key")).toBe(true);
    const all = await audit();
    const newest = all[0].at;
    expect((await audit({ from: newest })).length).toBeGreaterThanOrEqual(1);
    expect(await audit({ to: "2000-01-01" })).toEqual([]);
    expect((await audit({ from: new Date(Date.now() - 3600_000).toISOString(), to: new Date().toISOString().slice(0, 10) })).length).toBe(all.length);
  });

  it("pages newest first with the cursor, without gaps or repeats", async () => {
    const all = await audit();
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const r = await master()("GET", `/api/v1/audit?limit=7${before ? `&before=${before}` : ""}`);
      expect(r.status).toBe(200);
      expect(r.json.results.length).toBeLessThanOrEqual(7);
      seen.push(...r.json.results.map((e: Entry) => e.id));
      before = r.json.next;
    } while (before);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    const def = await master()("GET", "/api/v1/audit");
    expect(def.json.results.length).toBe(Math.min(50, all.length));
  });

  it("bad filters are 400 with the field named", async () => {
    for (const q of ["limit=0", "limit=201", "limit=x", "before=abc", "from=yesterday", "to=2026-13-01", "action=Hook!", "from=2026-02-01&to=2026-01-01", "colour=blue"]) {
      const r = await master()("GET", `/api/v1/audit?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json.error.code, q).toBeTruthy();
    }
  });

  it("only admins: an ingest-only key gets 403, no credentials 401, an admin key and the admin session 200", async () => {
    const ingest = await master()("POST", "/api/v1/keys", { name: "ingest only", actions: ["ingest"] });
    secrets.add(ingest.json.key);
    expect((await api(server, ingest.json.key)("GET", "/api/v1/audit")).status).toBe(403);
    expect((await api(server, null)("GET", "/api/v1/audit")).status).toBe(401);
    const adminKey = await master()("POST", "/api/v1/keys", { name: "automation", actions: ["admin"] });
    secrets.add(adminKey.json.key);
    expect((await api(server, adminKey.json.key)("GET", "/api/v1/audit")).status).toBe(200);
    expect((await session("GET", "/api/v1/audit?action=key.")).status).toBe(200);
  });
});
