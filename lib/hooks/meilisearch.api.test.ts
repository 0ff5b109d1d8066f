// The real `meilisearch` client (host = origin + "/api/v1") against the built server: tasks, the
// /webhooks API over our task hooks (redacted headers, null removes a header, the TASK_WEBHOOK_URL hook
// immutable, the limit of 20 plus that one), health, and Meilisearch's error object on every failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Meilisearch, MeilisearchApiError } from "meilisearch";
import { startReceiver, type Receiver } from "../testing/receiver";
import { api, MASTER_KEY, settle, startServer, type TestServer } from "../testing/server";

const NIL = "00000000-0000-0000-0000-000000000000";
const IX = "meili-tasks";
const ENV_SECRET = "Bearer env-secret-value-1234";

let server: TestServer;
let rx: Receiver;
let meili: Meilisearch;
const call = () => api(server);
const client = (apiKey?: string) => new Meilisearch({ host: `${server.url}/api/v1`, apiKey });

beforeAll(async () => {
  rx = await startReceiver();
  server = await startServer({
    ALLOWED_IP_NETWORKS: "127.0.0.1/32",
    TASK_WEBHOOK_URL: "https://example.com/tasks",
    TASK_WEBHOOK_AUTHORIZATION_HEADER: ENV_SECRET,
  });
  meili = client(MASTER_KEY);
  expect((await call()("POST", "/api/v1/indexes", { id: IX, name: IX, schema: { title: "string" } })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rx?.close();
});

/** The Meilisearch error a client call throws: its `cause` is Meilisearch's error object. */
async function meiliError(p: Promise<unknown>): Promise<{ code: string; type: string; link: string; message: string; status: number }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MeilisearchApiError);
  const e = err as MeilisearchApiError;
  const cause = e.cause as { code: string; type: string; link: string; message: string };
  expect(e.message).toBe(cause.message);
  return { ...cause, status: e.response.status };
}

/** The first request after the first `from` whose body matches, waiting for each arrival (no sleeps). */
async function arrival(from: number, match: (body: string) => boolean) {
  for (let n = from + 1; ; n++) {
    const hit = (await rx.waitFor(n, 30_000)).slice(from).find((r) => match(r.body));
    if (hit) return hit;
  }
}

describe("tasks through the client", () => {
  it("getTask, waitForTask and getTasks read the Orama routes' tasks", async () => {
    const n = await call()("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: "a", title: "x" }] });
    expect(n.status, n.text).toBe(202);
    const d = await call()("POST", `/api/v1/webhooks/${IX}/deploy`);
    expect(d.status, d.text).toBe(202);
    const task = await meili.tasks.getTask(d.json.taskUid);
    expect(task).toMatchObject({ uid: d.json.taskUid, indexUid: IX, type: "deploy" });
    const done = await meili.tasks.waitForTask(d.json.taskUid, { timeout: 30_000 });
    expect(done.status).toBe("succeeded");
    const page = await meili.tasks.getTasks({ indexUids: [IX], types: ["deploy", "notify"] as never, limit: 10 });
    expect(page.results.map((t) => t.uid)).toEqual([d.json.taskUid, n.json.taskUid]);
    expect(page.total).toBe(2);
  });

  it("getTask(99999) throws task_not_found; our envelope is there too", async () => {
    const e = await meiliError(meili.tasks.getTask(99999));
    expect(e).toMatchObject({ code: "task_not_found", type: "invalid_request", status: 404, link: "https://docs.meilisearch.com/errors#task_not_found" });
    const raw = await call()("GET", "/api/v1/tasks/99999");
    expect(raw.json).toMatchObject({ code: "task_not_found", error: { code: "not_found" } });
    expect((await meiliError(meili.tasks.getTask("abc" as never))).code).toBe("invalid_task_uids");
  });

  it("filters answer with Meilisearch's codes", async () => {
    expect((await meiliError(meili.tasks.getTasks({ statuses: ["nope"] as never }))).code).toBe("invalid_task_statuses");
    const unknown = await call()("GET", "/api/v1/tasks?color=red");
    expect(unknown.json).toMatchObject({ code: "bad_request", type: "invalid_request", error: { code: "bad_request" } });
  });

  it("a bad key, no key and a key without the right answer as Meilisearch's auth errors", async () => {
    expect(await meiliError(client("not-a-key").tasks.getTasks())).toMatchObject({ code: "invalid_api_key", type: "auth", status: 401 });
    expect(await meiliError(client().tasks.getTasks())).toMatchObject({ code: "missing_authorization_header", type: "auth", status: 401 });
    const search = (await call()("POST", "/api/v1/keys", { name: "search only", actions: ["search"] })).json.key as string;
    expect(await meiliError(client(search).tasks.getTask(1))).toMatchObject({ code: "invalid_api_key", type: "auth", status: 403 });
    const scoped = (await call()("POST", "/api/v1/keys", { name: "one index", actions: ["admin"], indexes: [IX] })).json.key as string;
    expect(await meiliError(client(scoped).getWebhooks())).toMatchObject({ code: "invalid_api_key", type: "auth", status: 403 });
  });
});

describe("health", () => {
  it("is public and available", async () => {
    expect(await client().health()).toEqual({ status: "available" });
    expect(await client().isHealthy()).toBe(true);
  });
});

describe("webhooks through the client", () => {
  it("lists the TASK_WEBHOOK_URL hook as not editable, its Authorization redacted", async () => {
    const { results } = await meili.getWebhooks();
    const env = results.find((w) => w.uuid === NIL);
    expect(env).toEqual({ uuid: NIL, url: "https://example.com/tasks", headers: { Authorization: "Bearer ****" }, isEditable: false });
    expect(JSON.stringify(results)).not.toContain("env-secret-value");
    expect(await meili.getWebhook(NIL)).toEqual(env);
  });

  it("creates, reads, updates (null removes a header) and deletes a task hook, never showing a secret", async () => {
    const w = await meili.createWebhook({ url: `${rx.url}/tasks`, headers: { Authorization: "Bearer s3cret-token-value", "X-Team": "search-team-eu", "X-Gone": "remove-me-please" } });
    expect(Object.keys(w).sort()).toEqual(["headers", "isEditable", "url", "uuid"]);
    expect(w).toMatchObject({ url: `${rx.url}/tasks`, isEditable: true, headers: { Authorization: "Bearer ****", "X-Team": "****m-eu", "X-Gone": "****ease" } });
    // The same hook on the full API: a tasks push hook.
    expect((await call()("GET", `/api/v1/hooks/${w.uuid}`)).json).toMatchObject({ kind: "tasks", mode: "push", url: `${rx.url}/tasks` });
    for (const text of [JSON.stringify(await meili.getWebhooks()), JSON.stringify(await meili.getWebhook(w.uuid))]) {
      for (const s of ["s3cret-token-value", "search-team-eu", "remove-me-please"]) expect(text).not.toContain(s);
    }

    // The redacted Authorization sent back keeps the stored value; null removes; a new header is added.
    const u = await meili.updateWebhook(w.uuid, { headers: { Authorization: "Bearer ****", "X-Gone": null, "X-New": "fresh-value-0001" } as never });
    expect(u.headers).toEqual({ Authorization: "Bearer ****", "X-Team": "****m-eu", "X-New": "****0001" });
    expect(await meili.getWebhook(w.uuid)).toEqual(u);

    // What the receiver gets proves the stored values: a finished task, NDJSON, with the kept secret.
    const before = rx.requests.length;
    const d = await call()("POST", `/api/v1/webhooks/${IX}/deploy`);
    await settle(call(), d.json.taskUid);
    const delivery = await arrival(before, (body) => body.includes(`"uid":${d.json.taskUid}`));
    expect(delivery!.headers).toMatchObject({ authorization: "Bearer s3cret-token-value", "x-team": "search-team-eu", "x-new": "fresh-value-0001" });
    expect(delivery!.headers["x-gone"]).toBeUndefined();
    expect(delivery!.headers["content-type"]).toContain("application/x-ndjson");

    // headers: null clears them all; the URL changes on its own.
    const cleared = await meili.updateWebhook(w.uuid, { headers: null } as never);
    expect(cleared.headers).toEqual({});
    expect((await meili.updateWebhook(w.uuid, { url: "https://93.184.215.14/other" })).url).toBe("https://93.184.215.14/other");

    await meili.deleteWebhook(w.uuid);
    expect(await meiliError(meili.getWebhook(w.uuid))).toMatchObject({ code: "webhook_not_found", status: 404 });
    expect((await call()("GET", `/api/v1/hooks/${w.uuid}`)).status).toBe(404);
  });

  it("answers Meilisearch's codes: immutable, not found, bad uuid, bad url, bad headers, immutable fields", async () => {
    expect(await meiliError(meili.updateWebhook(NIL, { url: "https://example.com/x" }))).toMatchObject({ code: "immutable_webhook", status: 400 });
    expect(await meiliError(meili.deleteWebhook(NIL))).toMatchObject({ code: "immutable_webhook", status: 400 });
    expect(await meiliError(meili.getWebhook(crypto.randomUUID()))).toMatchObject({ code: "webhook_not_found", type: "invalid_request", status: 404 });
    expect(await meiliError(meili.getWebhook("not-a-uuid"))).toMatchObject({ code: "invalid_webhook_uuid", status: 400 });
    expect(await meiliError(meili.createWebhook({ url: "not a url" }))).toMatchObject({ code: "invalid_webhook_url", status: 400 });
    expect(await meiliError(meili.createWebhook({ url: "http://169.254.169.254/latest" }))).toMatchObject({ code: "invalid_webhook_url", status: 400 });
    expect(await meiliError(meili.createWebhook({} as never))).toMatchObject({ code: "invalid_webhook_url", status: 400 });
    expect(await meiliError(meili.createWebhook({ url: "https://93.184.215.14/x", headers: { "bad header": "x" } }))).toMatchObject({ code: "invalid_webhook_headers" });
    expect(await meiliError(meili.createWebhook({ url: "https://93.184.215.14/x", uuid: NIL } as never))).toMatchObject({ code: "immutable_webhook_uuid" });
    expect(await meiliError(meili.createWebhook({ url: "https://93.184.215.14/x", isEditable: false } as never))).toMatchObject({ code: "immutable_webhook_is_editable" });
    expect(await meiliError(meili.createWebhook({ url: "https://93.184.215.14/x", color: "red" } as never))).toMatchObject({ code: "bad_request" });
    const bad = await call()("POST", "/api/v1/webhooks", "{not json", { "content-type": "application/json" });
    expect(bad.json).toMatchObject({ code: "malformed_payload", type: "invalid_request", error: { code: "invalid_json" } });
  });

  it("shows only task push hooks: a changes hook is not a Meilisearch webhook", async () => {
    const changes = (await call()("POST", "/api/v1/hooks", { url: "https://93.184.215.14/changes" })).json;
    expect((await meili.getWebhooks()).results.map((w) => w.uuid)).not.toContain(changes.uuid);
    expect((await meiliError(meili.getWebhook(changes.uuid))).code).toBe("webhook_not_found");
    expect((await meiliError(meili.deleteWebhook(changes.uuid))).code).toBe("webhook_not_found");
    expect((await call()("DELETE", `/api/v1/hooks/${changes.uuid}`)).status).toBe(200);
  });

  it("allows 20 hooks plus the TASK_WEBHOOK_URL one, then invalid_webhooks", async () => {
    const editable = (await call()("GET", "/api/v1/hooks")).json.results.filter((h: { isEditable: boolean }) => h.isEditable).length;
    for (let i = editable; i < 20; i++) await meili.createWebhook({ url: `https://93.184.215.14/n${i}` });
    const { results } = await meili.getWebhooks();
    expect(results).toHaveLength(21);
    expect(results.filter((w) => !w.isEditable).map((w) => w.uuid)).toEqual([NIL]);
    expect(await meiliError(meili.createWebhook({ url: "https://93.184.215.14/21" }))).toMatchObject({ code: "invalid_webhooks", status: 400 });
  });
});
