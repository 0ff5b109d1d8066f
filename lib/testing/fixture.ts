// One API suite's world, set up alike everywhere: a real server started before the suite's tests and
// stopped after them, receivers and a hooks client that close with it, and the calls suites keep making
// (an index, a hook, a notify, a deploy). Call it at the top of a test file:
//   const suite = serverSuite(DELIVERY_ENV, { prefix: "dl" });
//   const { call, newIndex, receiver } = suite;   // stable functions, usable once the suite has started
import { afterAll, beforeAll, expect } from "vitest";
import { hookClient } from "./hooks";
import { startReceiver, type Receiver } from "./receiver";
import { api, settle, startServer, type TestServer } from "./server";

/** Delivery suites: receivers on loopback allowed, retries 100 times quicker, a lost lease back in 3 s. */
export const DELIVERY_ENV = { ALLOWED_IP_NETWORKS: "127.0.0.1/32", HOOK_RETRY_SCALE: "0.01", HOOK_LEASE_MS: "3000" };

export type Call = ReturnType<typeof api>;
type Env = Record<string, string>;
type Schema = Record<string, unknown>;
/** A JSON answer as call() gives it (untyped: each test says what it reads). */
type Json = Awaited<ReturnType<Call>>["json"];
/** What POST /api/v1/hooks answers that suites read most. */
export type CreatedHook = { uuid: string; secret: string; token: string };

export function serverSuite(env: Env | (() => Env | Promise<Env>) = {}, { prefix = "ix", schema = { title: "string" } as Schema } = {}) {
  let server: TestServer | undefined;
  let hooks: ReturnType<typeof hookClient> | undefined;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    server = await startServer(typeof env === "function" ? await env() : env);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await hooks?.close();
    await server?.stop();
  });
  const started = (): TestServer => {
    if (!server) throw new Error("the suite's server has not started: use it in a test or a beforeAll after serverSuite()");
    return server;
  };
  const call: Call = (...a) => api(started())(...a);
  const client = () => (hooks ??= hookClient(started()));
  let n = 0;
  const notify = async (id: string, body: unknown): Promise<void> => {
    const r = await call("POST", `/api/v1/webhooks/${id}/notify`, body);
    expect(r.status, r.text).toBe(202);
  };
  const deploy = async (id: string, timeoutMs?: number) => settle(call, (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json.taskUid, timeoutMs);
  return {
    get server() {
      return started();
    },
    call,
    /** Made through the hooks API (or, where a server has none, the database): lib/testing/hooks.ts. */
    hooks: {
      create: (...a: Parameters<ReturnType<typeof hookClient>["create"]>) => client().create(...a),
      pause: (...a: Parameters<ReturnType<typeof hookClient>["pause"]>) => client().pause(...a),
      get: (...a: Parameters<ReturnType<typeof hookClient>["get"]>) => client().get(...a),
    },
    /** A new index `<prefix>-<n>` with the suite's schema (or this one). */
    async newIndex(indexSchema: Schema = schema): Promise<string> {
      const id = `${prefix}-${++n}`;
      const r = await call("POST", "/api/v1/indexes", { id, name: id, schema: indexSchema });
      expect(r.status, r.text).toBe(201);
      return id;
    },
    /** A receiver on loopback, closed after the suite. */
    async receiver(...a: Parameters<typeof startReceiver>): Promise<Receiver> {
      const r = await startReceiver(...a);
      receivers.push(r);
      return r;
    },
    /** POST /api/v1/hooks with this body, which must answer 201; its answer (as T when given). */
    async createHook<T = Json>(body: Record<string, unknown>): Promise<T> {
      const r = await call("POST", "/api/v1/hooks", body);
      expect(r.status, r.text).toBe(201);
      return r.json as T;
    },
    /** A notify: accepted (202), it waits for the next deploy. */
    notify,
    /** A deploy, waited for until it has finished (settle()); its task. */
    deploy,
    /** One document `doc` (titled `doc`) upserted and deployed: a change for hooks to send. */
    async change(id: string, doc: string) {
      await notify(id, { upsert: [{ id: doc, title: doc }] });
      return deploy(id);
    },
  };
}
