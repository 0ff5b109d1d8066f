// Starts the real production server (scripts/server.mjs: Next plus the search fast lane, as `npm start`) on a free port with its own DATA_DIR and, when
// TEST_DATABASE_URL is set, its own Postgres database. Tests talk to it over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createPostgresDatabase, TEST_DATABASE_URL } from "./postgres";

export const MASTER_KEY = "test-master-key-0123456789abcdef";

export interface TestServer {
  url: string;
  dataDir: string;
  databaseUrl?: string;
  env: Record<string, string>;
  logs(): string;
  pid(): number;
  /** SIGKILL the server process (a crash), leaving its data in place. */
  crash(): Promise<void>;
  /** Stops the server (SIGTERM) unless it crashed, then starts it again on the same port, data dir and database. */
  restart(): Promise<void>;
  /** Ends the server process (waiting until it is gone), then drops its database and deletes its data dir. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const SERVER = path.join(process.cwd(), "scripts/server.mjs");
// As scripts/start.mjs does: the socket peer's address for lib/http/peer.ts.
const PEER_PRELOAD = path.join(process.cwd(), "scripts/server-preload.mjs");
// Test servers only: exit when this process (their stdin's other end) is gone.
const EXIT_WITH_PARENT = path.join(process.cwd(), "lib/testing/exit-with-parent.mjs");

/**
 * The production server (its process is titled `next-server (indexhook)`) as a child of this test process, which it does not
 * outlive: its stdin is a pipe from here and it exits at end-of-file (lib/testing/exit-with-parent.mjs).
 */
export function spawnNext(port: number, env: Record<string, string>, host = "127.0.0.1"): { child: ChildProcess; logs: () => string } {
  let out = "";
  const args = ["--import", PEER_PRELOAD, "--import", EXIT_WITH_PARENT, SERVER, "-p", String(port), "-H", host];
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  child.on("exit", (code, signal) => (out += `\n[server exited: code ${code}, signal ${signal}]\n`));
  return { child, logs: () => out };
}

export async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${logs()}`);
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Ends a server process and waits until it is gone: SIGTERM, then SIGKILL if it is still there after 5 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (hasExited(child)) return;
  child.kill("SIGKILL");
  await exited;
}

export async function startServer(
  extraEnv: Record<string, string> = {},
  {
    postgresUrl = TEST_DATABASE_URL,
    host = "127.0.0.1",
    existing,
  }: {
    /** "" for PGlite even when TEST_DATABASE_URL is set. */
    postgresUrl?: string;
    /** listen address (`-H`) */ host?: string;
    /** Start on a data dir and/or database made beforehand (a restored dump); stop() removes them as its own. */
    existing?: { dataDir: string; database?: { url: string; drop: () => Promise<void> } };
  } = {},
): Promise<TestServer> {
  const dataDir = existing?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-test-"));
  const pg = existing ? existing.database : postgresUrl ? await createPostgresDatabase(postgresUrl) : undefined;
  const port = await freePort();
  const env: Record<string, string> = {
    // The server's own origins (its inspector) are derived from PORT: say it, as `npm start` does.
    PORT: String(port),
    DATA_DIR: dataDir,
    INDEXHOOK_MASTER_KEY: MASTER_KEY,
    // An answer a route's contract does not list is a 500 with the reason in the log (lib/http/route.ts).
    INDEXHOOK_STRICT_CONTRACTS: "1",
    ALLOWED_IP_NETWORKS: "",
    ...(pg ? { DATABASE_URL: pg.url } : { DATABASE_URL: "" }),
    ...extraEnv,
  };
  const url = `http://127.0.0.1:${port}`;
  const cleanUp = async () => {
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let proc = spawnNext(port, env, host);
  try {
    await waitForHealth(url, proc.child, proc.logs);
  } catch (err) {
    // A server that never became healthy is not handed to the test: end it here, or no one will.
    await stopProcess(proc.child);
    await cleanUp();
    throw err;
  }
  const exited = (child: ChildProcess) => (hasExited(child) ? Promise.resolve() : new Promise((r) => child.once("exit", r)));
  return {
    url,
    dataDir,
    databaseUrl: pg?.url,
    env,
    logs: () => proc.logs(),
    pid: () => proc.child.pid!,
    crash: async () => {
      proc.child.kill("SIGKILL");
      await exited(proc.child);
    },
    restart: async () => {
      // Without a crash() first the running server is stopped here: otherwise it would keep the port
      // (answering the health check for the new one, which fails to listen) and outlive stop().
      await stopProcess(proc.child);
      proc = spawnNext(port, env, host);
      await waitForHealth(url, proc.child, proc.logs);
    },
    stop: async () => {
      await stopProcess(proc.child);
      await cleanUp();
    },
  };
}

/** fetch against the server with the master key (or another bearer) and JSON handling. */
export function api(server: TestServer, bearer: string | null = MASTER_KEY) {
  return async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url + pathname, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }).catch(async (err: Error) => {
      // The server is gone or reset the connection: say why, with the end of its log (give a dying
      // process a moment to print its last words).
      await new Promise((r) => setTimeout(r, 1000));
      throw new Error(`${method} ${pathname}: ${err.message} (${(err.cause as Error)?.message ?? ""})\n--- server log ---\n${server.logs?.().slice(-3000) ?? ""}`);
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, json: json as any, text, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

/** Signs in through next-auth's credentials flow and returns the session cookie header. */
export async function signInCookie(server: TestServer, email: string, password: string): Promise<string | null> {
  const csrfRes = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  return [...jar.keys()].some((k) => k.endsWith("next-auth.session-token")) ? cookie() : null;
}

/** Waits until a task has finished (succeeded, failed or canceled) and returns it. */
export async function settle(call: ReturnType<typeof api>, uid: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = (await call("GET", `/api/v1/tasks/${uid}`)).json;
    if (["succeeded", "failed", "canceled"].includes(t.status)) return t;
    if (Date.now() > deadline) throw new Error(`task ${uid} still ${t.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
