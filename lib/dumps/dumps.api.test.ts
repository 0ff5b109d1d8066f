// Dump and restore, end to end: a server on PGlite gets indexes, versions, pending changes, keys, hooks
// and a user; POST /api/v1/dumps writes a dump (a dumpCreation task with progress) that downloads as
// gzip'd NDJSON; `npm run restore` puts it into a fresh Postgres database (TEST_DATABASE_URL) or a fresh
// PGlite DATA_DIR; a server started there answers the same, keys authenticate, the user signs in, hook
// secrets survive (encrypted) or are new (excluded), and rollback to a kept version works.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, TEST_DATABASE_URL } from "../testing/postgres";
import { api, settle, signInCookie, startServer, type TestServer } from "../testing/server";
import { userWithRole, type TestUser } from "../testing/users";

const PUBLIC_URL = "https://93.184.215.14/hook"; // an IP literal: no DNS needed, and globally routable
const PASSPHRASE = "correct horse battery staple";
const IX = "books";
const SCHEMA = { title: "string", year: "number" };

let source: TestServer;
let target: TestServer | undefined;
let call: ReturnType<typeof api>;
let searchKey: string;
let member: TestUser;
let hook: { uuid: string; secret: string; token: string };
let v1: string; // the first version's deployment id
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-dumps-"));

const search = (c: ReturnType<typeof api>, term: string) => c("POST", `/api/v1/indexes/${IX}/search`, { term, limit: 50 });
const hitIds = (r: { json: { hits: { id: string }[] } }) => r.json.hits.map((h) => h.id).sort();

/** `npm run restore -- FILE` as a user runs it, against a database named by the environment. */
function restore(file: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "restore", "--", file], {
      env: { ...process.env, DATABASE_URL: "", INDEXHOOK_DUMP_PASSPHRASE: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, out }));
  });
}

async function dump(body: unknown): Promise<{ file: string; task: Record<string, any>; text: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await call("POST", "/api/v1/dumps", body);
  expect(r.status, r.text).toBe(202);
  expect(r.json.task).toMatchObject({ type: "dumpCreation", indexUid: null });
  const task = await settle(call, r.json.taskUid, 120_000);
  expect(task.status, JSON.stringify(task)).toBe("succeeded");
  const uid = task.details.dumpUid as string;
  const res = await fetch(`${source.url}/api/v1/dumps/${uid}`, { headers: { authorization: `Bearer ${(source.env.INDEXHOOK_MASTER_KEY)}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/gzip");
  expect(res.headers.get("content-disposition")).toContain(`indexhook-${uid}.ndjson.gz`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const file = path.join(tmp, `${uid}.ndjson.gz`);
  fs.writeFileSync(file, bytes);
  return { file, task, text: zlib.gunzipSync(bytes).toString("utf8") };
}

beforeAll(async () => {
  source = await startServer({}, { postgresUrl: "" }); // the embedded database, whatever TEST_DATABASE_URL says
  call = api(source);
  expect((await call("POST", "/api/v1/indexes", { id: IX, name: "Books", schema: SCHEMA })).status).toBe(201);
  // Version 1, version 2, then changes left pending.
  await call("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: "a", title: "alpha one", year: 2001 }, { id: "b", title: "beta", year: 2002 }] });
  await settle(call, (await call("POST", `/api/v1/webhooks/${IX}/deploy`)).json.taskUid);
  await call("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: "c", title: "alpha two", year: 2003 }], remove: ["b"] });
  await settle(call, (await call("POST", `/api/v1/webhooks/${IX}/deploy`)).json.taskUid);
  await call("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: "d", title: "alpha pending", year: 2004 }] });
  const deps = (await call("GET", `/api/v1/indexes/${IX}/deployments`)).json.results as { id: string; version: number }[];
  v1 = deps.find((d) => d.version === 1)!.id;
  const key = await call("POST", "/api/v1/keys", { name: "site search", actions: ["search"], indexes: [IX] });
  expect(key.status, key.text).toBe(201);
  searchKey = key.json.key;
  const h = await call("POST", "/api/v1/hooks", { url: PUBLIC_URL, headers: { "X-Api-Key": "receiver-credential-123" }, paused: true });
  expect(h.status, h.text).toBe(201);
  hook = { uuid: h.json.uuid, secret: h.json.secret, token: h.json.token };
  member = await userWithRole(source, "member");
}, 300_000);

afterAll(async () => {
  await target?.stop();
  await source?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("dumps", () => {
  it("needs an admin; a passphrase with encrypt", async () => {
    expect((await api(source, null)("POST", "/api/v1/dumps", {})).status).toBe(401);
    expect((await api(source, searchKey)("POST", "/api/v1/dumps", {})).status).toBe(403);
    expect((await api(source, null)("GET", "/api/v1/dumps/20260101-000000000", undefined, { cookie: member.cookie })).status).toBe(403);
    const r = await call("POST", "/api/v1/dumps", { secrets: "encrypt" });
    expect(r.status).toBe(400);
    expect((await call("GET", "/api/v1/dumps/20260101-000000000")).status).toBe(404);
  });

  let encrypted: Awaited<ReturnType<typeof dump>>;
  it("writes a dump as a task with progress, lists it and streams it", async () => {
    encrypted = await dump({ secrets: "encrypt", passphrase: PASSPHRASE });
    expect(encrypted.task.details).toMatchObject({ progress: 100, phase: "done", secrets: "encrypt" });
    const lines = encrypted.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: "header", format: "indexhook-dump", version: 1, secrets: "encrypt", instance: { database: "pglite" } });
    const types = new Set(lines.slice(1).map((l) => l.t));
    for (const t of ["indexes", "documents", "pending_changes", "deployments", "deployment_artifacts", "api_keys", "hooks", "users"]) expect(types, t).toContain(t);
    // Keys as hashes, hook secrets sealed: no secret in the clear.
    for (const secret of [searchKey, hook.secret, hook.token, "receiver-credential-123", member.password]) expect(encrypted.text).not.toContain(secret);
    const list = await call("GET", "/api/v1/dumps");
    expect(list.json.results[0]).toMatchObject({ uid: encrypted.task.details.dumpUid, status: "succeeded", progress: 100, available: true, secrets: "encrypt" });
    const task = await call("GET", `/api/v1/tasks/${encrypted.task.uid}`);
    expect(task.json).toMatchObject({ type: "dumpCreation", indexUid: null, status: "succeeded" });
  });

  it("restores into a fresh instance (Postgres with TEST_DATABASE_URL, else PGlite): same data, keys, users, hooks; rollback works", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-restored-"));
    const database = TEST_DATABASE_URL ? await createPostgresDatabase(TEST_DATABASE_URL) : undefined;
    const env: Record<string, string> = database ? { DATABASE_URL: database.url, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
    try {
      // Without or with a wrong passphrase: refused, nothing written.
      const none = await restore(encrypted.file, env);
      expect(none.code, none.out).toBe(1);
      expect(none.out).toContain("passphrase");
      const wrong = await restore(encrypted.file, { ...env, INDEXHOOK_DUMP_PASSPHRASE: "not the passphrase" });
      expect(wrong.code, wrong.out).toBe(1);
      expect(wrong.out).toContain("wrong_password");
      const ok = await restore(encrypted.file, { ...env, INDEXHOOK_DUMP_PASSPHRASE: PASSPHRASE });
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toMatch(/documents: \d+/);
      // Not into an instance that has data.
      const again = await restore(encrypted.file, { ...env, INDEXHOOK_DUMP_PASSPHRASE: PASSPHRASE });
      expect(again.code, again.out).toBe(1);
      expect(again.out).toContain("empty instance");
    } catch (err) {
      await database?.drop();
      throw err;
    }
    target = await startServer({}, { existing: { dataDir, database } });
    expect(target.databaseUrl).toBe(database?.url);
    const t = api(target);

    for (const p of ["/api/v1/indexes", `/api/v1/indexes/${IX}`, `/api/v1/indexes/${IX}/documents?limit=100`, `/api/v1/indexes/${IX}/deployments`, "/api/v1/keys", "/api/v1/users"]) {
      const [a, b] = [await call("GET", p), await t("GET", p)];
      expect(b.status, `${p}: ${b.text}`).toBe(200);
      expect(b.json, p).toEqual(a.json);
    }
    expect((await t("POST", `/api/v1/webhooks/${IX}/has-data`)).json).toEqual({ hasData: true });
    expect(hitIds(await search(t, "alpha"))).toEqual(hitIds(await search(call, "alpha")));
    expect(hitIds(await search(t, "alpha"))).toEqual(["a", "c"]);
    // The key authenticates by its hash; the user signs in with their password.
    expect((await api(target, searchKey)("POST", `/api/v1/indexes/${IX}/search`, { term: "beta" })).status).toBe(200);
    expect(await signInCookie(target, member.email, member.password)).not.toBeNull();
    // The hook, with its secret, token and header (they were encrypted in the dump).
    const h = await t("GET", `/api/v1/hooks/${hook.uuid}`);
    expect(h.status, h.text).toBe(200);
    expect(h.json).toMatchObject({ url: PUBLIC_URL, paused: true });
    expect(Object.keys(h.json.headers)).toEqual(["X-Api-Key"]);
    expect((await t("POST", `/api/v1/hooks/${hook.uuid}/secret`, { action: "reveal" })).json.secret).toBe(hook.secret);
    expect((await t("POST", `/api/v1/hooks/${hook.uuid}/token`, { action: "reveal" })).json.token).toBe(hook.token);
    // The pending change deploys; rollback to version 1 brings b back and drops c.
    expect((await settle(t, (await t("POST", `/api/v1/webhooks/${IX}/deploy`)).json.taskUid)).status).toBe("succeeded");
    expect(hitIds(await search(t, "alpha"))).toEqual(["a", "c", "d"]);
    const rb = await t("POST", `/api/v1/indexes/${IX}/deployments/${v1}/rollback`);
    expect(rb.status, rb.text).toBe(202);
    expect((await settle(t, rb.json.taskUid)).status).toBe("succeeded");
    expect(hitIds(await search(t, "alpha"))).toEqual(["a"]);
    expect(hitIds(await search(t, "beta"))).toEqual(["b"]);
  }, 300_000);

  it("with secrets excluded, the dump holds none and restore makes new ones", async () => {
    const excluded = await dump({ secrets: "exclude" });
    for (const secret of [searchKey, hook.secret, hook.token, "receiver-credential-123"]) expect(excluded.text).not.toContain(secret);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-restored-"));
    try {
      const r = await restore(excluded.file, { DATA_DIR: dataDir });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`hook ${hook.uuid}`);
      expect(r.out).toContain("custom headers not restored: X-Api-Key");
      const other = await startServer({}, { existing: { dataDir } });
      try {
        const o = api(other);
        const h = await o("GET", `/api/v1/hooks/${hook.uuid}`);
        expect(h.status).toBe(200);
        expect(h.json.headers).toEqual({});
        const secret = (await o("POST", `/api/v1/hooks/${hook.uuid}/secret`, { action: "reveal" })).json.secret;
        expect(secret).toMatch(/^whsec_/);
        expect(secret).not.toBe(hook.secret);
        expect(hitIds(await search(o, "alpha"))).toEqual(["a", "c"]);
      } finally {
        await other.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
