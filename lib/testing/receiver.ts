// A real webhook receiver for tests and benches: a node:http server on 127.0.0.1 that records every
// request and answers with what the test's responder says (status, headers, or a dropped connection).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  /** The sender's port (its local port): tests find the sending process by it. */
  remotePort: number;
}

export type Reply = { status?: number; headers?: Record<string, string>; body?: string } | "drop";
export type Responder = (req: Received, n: number) => Reply | Promise<Reply>;

export interface Receiver {
  url: string;
  requests: Received[];
  respond(fn: Responder): void;
  /** Resolves once `n` requests have arrived (or rejects after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(respond: Responder = () => ({ status: 204 })): Promise<Receiver> {
  const requests: Received[] = [];
  let responder = respond;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const got: Received = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
        remotePort: req.socket.remotePort ?? 0,
      };
      requests.push(got);
      const reply = await responder(got, requests.length);
      if (reply === "drop") return void req.socket.destroy();
      res.writeHead(reply.status ?? 204, reply.headers);
      res.end(reply.body ?? "");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: (fn) => void (responder = fn),
    waitFor: async (n, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${requests.length} of ${n} requests after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return requests;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
