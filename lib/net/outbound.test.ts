// safeRequest against real local servers, opened with an exact allowance the way ALLOWED_IP_NETWORKS would.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorReason, safeRequest, SsrfError } from "./outbound";

const LOOPBACK = ["127.0.0.0/8"];
let server: http.Server;
let target: http.Server;
let base = "";
let targetHits = 0;
let lastRequest: { method?: string; headers: http.IncomingHttpHeaders; body: string } | undefined;

function listen(s: net.Server): Promise<number> {
  return new Promise((r) => s.listen(0, "127.0.0.1", () => r((s.address() as net.AddressInfo).port)));
}

beforeAll(async () => {
  target = http.createServer((_req, res) => {
    targetHits++;
    res.end("target");
  });
  const targetPort = await listen(target);
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      lastRequest = { method: req.method, headers: req.headers, body };
      if (req.url === "/redirect") {
        res.writeHead(302, { location: `http://127.0.0.1:${targetPort}/` }).end();
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 2000);
      } else if (req.url === "/big") {
        res.end("x".repeat(100_000));
      } else {
        res.writeHead(201, { "x-reply": "yes" }).end(JSON.stringify({ ok: true }));
      }
    });
  });
  base = `http://127.0.0.1:${await listen(server)}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => target.close(r))]);
});

describe("safeRequest", () => {
  it("refuses loopback without an allowance", async () => {
    await expect(safeRequest(`${base}/ok`)).rejects.toBeInstanceOf(SsrfError);
  });

  it("reaches an allowed local server, sending method, headers and body", async () => {
    const res = await safeRequest(`${base}/ok`, { method: "POST", headers: { "x-token": "t1", "content-type": "application/json" }, body: '{"a":1}', allow: LOOPBACK });
    expect(res.status).toBe(201);
    expect(res.headers["x-reply"]).toBe("yes");
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lastRequest).toMatchObject({ method: "POST", body: '{"a":1}' });
    expect(lastRequest?.headers["x-token"]).toBe("t1");
    expect(lastRequest?.headers.host).toBe(base.slice("http://".length));
  });

  it("returns a 302 as is and never follows it", async () => {
    const res = await safeRequest(`${base}/redirect`, { allow: LOOPBACK });
    expect(res.status).toBe(302);
    expect(res.headers.location).toContain("127.0.0.1");
    await new Promise((r) => setTimeout(r, 100));
    expect(targetHits).toBe(0);
  });

  it("keeps only the first 4 KB of a response, and says it cut it", async () => {
    const res = await safeRequest(`${base}/big`, { method: "GET", allow: LOOPBACK });
    expect(res.body.length).toBe(4096);
    expect(res.truncated).toBe(true);
    expect((await safeRequest(`${base}/ok`, { allow: LOOPBACK })).truncated).toBe(false);
  });

  it("keeps a whole answer up to maxResponseBytes (embeddings need the full JSON)", async () => {
    const whole = await safeRequest(`${base}/big`, { method: "GET", allow: LOOPBACK, maxResponseBytes: 100_000 });
    expect(whole).toMatchObject({ truncated: false });
    expect(whole.body.length).toBe(100_000);
    const cut = await safeRequest(`${base}/big`, { method: "GET", allow: LOOPBACK, maxResponseBytes: 99_999 });
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.body.length).toBe(99_999);
  });

  it("times out with a clear message", async () => {
    const err = await safeRequest(`${base}/slow`, { timeoutMs: 300, allow: LOOPBACK }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(errorReason(err)).toMatch(/Timed out after 300 ms/);
  });

  it("reports a refused connection", async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise((r) => probe.close(r));
    const err = await safeRequest(`http://127.0.0.1:${port}/`, { allow: LOOPBACK }).catch((e: unknown) => e);
    expect(errorReason(err)).toMatch(/ECONNREFUSED/);
  });
});
