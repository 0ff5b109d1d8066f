// First-run setup code, on servers listening on every interface and reached both over loopback and
// over this machine's non-loopback address (a "remote" client, for the server's socket): remote setup
// needs the code from the log; loopback does not (every other API suite and the e2e setup create the
// admin over loopback without one), unless headers say the request was relayed or the Host/Origin is
// not this machine; client headers never make a remote request local.
import http from "node:http";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../testing/server";

// An address of this machine that is not loopback: requests to it arrive from it, not from 127.0.0.1.
const remoteIp = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === "IPv4")?.address;

const ADMIN = { name: "Ada", email: "ada@example.com", password: "correct horse battery" };
const CODE_LINE = /one-time setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/;

function client(server: TestServer, via: "remote" | "loopback") {
  const base = via === "remote" ? server.url.replace("127.0.0.1", remoteIp!) : server.url;
  return {
    // node:http rather than fetch: fetch does not let a caller set Host, and a spoofed Host is a case here.
    setup: (body: object, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; json: { error?: { code: string } } }>((resolve, reject) => {
        const req = http.request(`${base}/api/v1/setup`, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
        });
        req.on("error", reject);
        req.end(JSON.stringify({ ...ADMIN, ...body }));
      }),
    page: async () => (await fetch(`${base}/setup`)).text(),
  };
}

describe.skipIf(!remoteIp)("setup code (generated)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({}, { host: "0.0.0.0" });
  }, 240_000);
  afterAll(async () => server?.stop());

  it("is printed at start while no user exists, and required from another machine", async () => {
    const code = CODE_LINE.exec(server.logs())?.[1];
    expect(code, server.logs()).toBeTruthy();
    const remote = client(server, "remote");
    expect(await remote.page()).toContain("Setup code");
    expect(await client(server, "loopback").page()).not.toContain("Setup code");
    expect((await remote.setup({})).json.error?.code).toBe("setup_code_required");
    expect((await remote.setup({})).status).toBe(403);
    const wrong = await remote.setup({ setupCode: "AAAA-BBBB-CCCC" });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error?.code).toBe("setup_code_invalid");
  });

  it("client headers never make a request local", async () => {
    const remote = client(server, "remote");
    for (const headers of <Record<string, string>[]>[
      { "x-forwarded-for": "127.0.0.1" },
      { "x-indexhook-peer": "127.0.0.1" },
      { host: "localhost", "x-forwarded-for": "::1", "x-real-ip": "127.0.0.1" },
    ]) {
      expect((await remote.setup({}, headers)).json.error?.code, JSON.stringify(headers)).toBe("setup_code_required");
    }
    // Over loopback, but relayed by a proxy, or for a page on another host (DNS rebinding), it is not local either.
    const local = client(server, "loopback");
    for (const headers of <Record<string, string>[]>[
      { "x-forwarded-for": "203.0.113.7" },
      { forwarded: "for=203.0.113.7" },
      { "x-real-ip": "203.0.113.7" },
      { "x-forwarded-host": "public.example" },
      { host: "rebound.example" },
      { origin: "http://rebound.example" },
    ]) {
      expect((await local.setup({}, headers)).json.error?.code, JSON.stringify(headers)).toBe("setup_code_required");
    }
  });

  it("the right code (any case, spaces) creates the admin, then stops working", async () => {
    const code = CODE_LINE.exec(server.logs())![1];
    const remote = client(server, "remote");
    const ok = await remote.setup({ setupCode: ` ${code.toLowerCase().replace(/-/g, " ")} ` });
    expect(ok.status).toBe(201);
    expect((await remote.setup({ email: "late@example.com", setupCode: code })).status).toBe(409);
    await server.restart();
    expect(server.logs()).not.toMatch(/setup code/);
  }, 120_000);
});

describe.skipIf(!remoteIp)("INDEXHOOK_SETUP_CODE", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ INDEXHOOK_SETUP_CODE: "automation-setup-code-42" }, { host: "0.0.0.0" });
  }, 240_000);
  afterAll(async () => server?.stop());

  it("is the code, and is never printed", async () => {
    expect(server.logs()).toMatch(/setup code set in INDEXHOOK_SETUP_CODE/);
    expect(server.logs()).not.toContain("automation-setup-code-42");
    expect(CODE_LINE.test(server.logs())).toBe(false);
    const remote = client(server, "remote");
    expect((await remote.setup({ setupCode: "AAAA-BBBB-CCCC" })).json.error?.code).toBe("setup_code_invalid");
    expect((await remote.setup({ setupCode: "automation-setup-code-42" })).status).toBe(201);
  });
});
