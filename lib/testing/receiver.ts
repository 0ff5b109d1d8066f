// A real webhook receiver for tests and benches: a node:http server on 127.0.0.1 that records every
// request and answers with what the test's responder says (status, headers, or a dropped connection).
import { EventEmitter } from "node:events";
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
  // Waiters are resolved on arrival (not by polling) so latency measurements are not rounded up.
  const arrived = new EventEmitter().setMaxListeners(100);
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
      arrived.emit("request");
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
    waitFor: (n, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < n) return;
          clearTimeout(timer);
          arrived.off("request", check);
          resolve(requests);
        };
        const timer = setTimeout(() => {
          arrived.off("request", check);
          reject(new Error(`receiver got ${requests.length} of ${n} requests after ${timeoutMs} ms`));
        }, timeoutMs);
        arrived.on("request", check);
        check();
      }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
