// Streams a large generated NDJSON snapshot (default 1 GB, `npm run bench -- ndjson 256` for 256 MB)
// to a server on PGlite and samples the server's RSS: memory must stay flat while bytes flow.
import fs from "node:fs";
import http from "node:http";
import { api, MASTER_KEY, startServer } from "../lib/testing/server";
import { printTable, rate } from "./table";

function rssMb(pid: number): number {
  // The next-server process is the child's child on some setups: sum the tree's RSS.
  let total = 0;
  for (const p of [pid, ...childPids(pid)]) {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
    total += m ? Number(m[1]) / 1024 : 0;
  }
  return Math.round(total);
}

function childPids(pid: number): number[] {
  try {
    const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...childPids(k)]);
  } catch {
    return [];
  }
}

export async function benchNdjson(): Promise<void> {
  const mb = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1024);
  const server = await startServer();
  try {
    await api(server)("POST", "/api/v1/indexes", { id: "big", name: "big", schema: { title: "string", body: "string", n: "number" } });
    const filler = "lorem ipsum dolor sit amet ".repeat(34);
    const line = (i: number) => JSON.stringify({ id: `doc-${i}`, title: `Document ${i}`, body: filler, n: i }) + "\n";
    const target = mb * 1024 * 1024;
    const samples: number[] = [];
    const before = rssMb(server.pid());
    const sampler = setInterval(() => samples.push(rssMb(server.pid())), 500);
    const started = performance.now();
    let sent = 0;
    let docs = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/api/v1/webhooks/big/snapshot`, {
        method: "POST",
        headers: { authorization: `Bearer ${MASTER_KEY}`, "content-type": "application/x-ndjson" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      const pump = () => {
        while (sent < target) {
          let chunk = "";
          for (let i = 0; i < 200; i++) chunk += line(docs++);
          sent += Buffer.byteLength(chunk);
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    if (answer.status !== 202) throw new Error(`snapshot answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    printTable("ndjson: streamed snapshot, server memory", [
      {
        "size MB": Math.round(sent / 1024 / 1024),
        documents: docs,
        seconds: Math.round(ms / 100) / 10,
        "MB/s": Math.round((sent / 1024 / 1024 / ms) * 1000 * 10) / 10,
        "docs/s": rate(docs, ms),
        "RSS before MB": before,
        "RSS peak MB": Math.max(...samples, before),
        "RSS median MB": samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? before,
      },
    ]);
  } finally {
    await server.stop();
  }
}
