// `npm run bench -- memory [docs]`: what a loaded version costs, before (every search thread decodes its
// own Orama instance: INDEXHOOK_SEARCH_DECODE=orama) and after (one SharedArrayBuffer per version read
// in place by every thread), in one run: RSS growth and bytes per document with two search threads,
// load time per 100k documents, and the idle RSS of a started production server, empty and with the
// corpus deployed. Each pool measurement runs in its own process (bench/memory-child.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildArtifact } from "../lib/search/engine/build-artifact";
import { api, settle, startServer } from "../lib/testing/server";
import { printTable, type Row } from "./table";
import { loadWordnet, WORDNET_SCHEMA } from "./wordnet";

type Child = { base: number; loaded: number; withOrama: number; first: number; all: number; size: number };
const MB = (b: number) => Math.round((b / 1e6) * 10) / 10;

function runChild(file: string, tiny: string, decode: "orama" | "shared"): Child {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join("bench", "memory-child.ts"), file, tiny], {
    env: { ...process.env, INDEXHOOK_SEARCH_DECODE: decode === "orama" ? "orama" : "" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`memory child printed no result:\n${out}`);
  return JSON.parse(line.slice(7)) as Child;
}

/** RSS of a process and its descendants (Linux /proc), in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function idleServer(decode: "orama" | "shared", docs: ReturnType<typeof loadWordnet>): Promise<{ empty: number; deployed: number; loadMs?: number }> {
  const server = await startServer(decode === "orama" ? { INDEXHOOK_SEARCH_DECODE: "orama" } : { INDEXHOOK_SEARCH_DECODE: "" }, { postgresUrl: "" });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const empty = treeRss(server.pid());
    const call = api(server);
    await call("POST", "/api/v1/indexes", { id: "wordnet", name: "wordnet", schema: WORDNET_SCHEMA });
    await call("POST", "/api/v1/webhooks/wordnet/snapshot", docs.map((d) => JSON.stringify(d)).join("\n"), { "content-type": "application/x-ndjson" });
    const deployed = await settle(call, (await call("POST", "/api/v1/webhooks/wordnet/deploy")).json.taskUid, 1_200_000);
    if (deployed.status !== "succeeded") throw new Error(`deploy failed: ${JSON.stringify(deployed.error)}`);
    const auth = { authorization: `Bearer ${server.env.INDEXHOOK_MASTER_KEY}` };
    for (const term of ["the", "water", "a person"]) await fetch(`${server.url}/api/v1/indexes/wordnet/search`, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify({ term }) });
    await new Promise((r) => setTimeout(r, 10_000));
    const loadMs = [...server.logs().matchAll(/loaded dep_\w+ \([\d.]+ MB\) in (\d+) ms/g)].map((m) => Number(m[1])).at(-1);
    return { empty, deployed: treeRss(server.pid()), loadMs };
  } finally {
    await server.stop();
  }
}

export async function benchMemory(): Promise<void> {
  const limit = Number(process.argv.find((a) => /^\d+$/.test(a))) || undefined;
  const docs = loadWordnet(limit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-memory-"));
  try {
    const file = path.join(dir, "wn.artifact");
    const tiny = path.join(dir, "tiny.artifact");
    if (process.env.BENCH_POOL !== "0") await poolRows(docs, file, tiny);
    if (process.env.BENCH_SERVER !== "0") {
      // BENCH_SERVER_DOCS: deploy fewer documents to the server (a 118k deploy on PGlite can block its
      // event loop past the client's 300 s header timeout on a loaded machine).
      const serverDocs = docs.slice(0, Number(process.env.BENCH_SERVER_DOCS) || docs.length);
      const server: Row[] = [];
      for (const decode of ["orama", "shared"] as const) {
        const r = await idleServer(decode, serverDocs);
        server.push({
          setup: decode === "orama" ? "before (per-thread decode)" : "after (shared)",
          "idle RSS, no index MB": MB(r.empty),
          "idle RSS, corpus deployed MB": MB(r.deployed),
          "server load of the version ms": r.loadMs ?? "n/a",
        });
      }
      printTable(`production server (PGlite), idle RSS of the process tree, ${serverDocs.length.toLocaleString("en-US")} docs deployed (target idle ≤ 300 MB)`, server);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function poolRows(docs: ReturnType<typeof loadWordnet>, file: string, tiny: string): Promise<void> {
  const n = docs.length;
  {
    fs.writeFileSync(file, await buildArtifact(WORDNET_SCHEMA, docs));
    fs.writeFileSync(tiny, await buildArtifact(WORDNET_SCHEMA, docs.slice(0, 50)));
    const before = runChild(file, tiny, "orama");
    const after = runChild(file, tiny, "shared");
    const per100k = (b: number) => MB((b / n) * 100_000);
    const rows: Row[] = [];
    for (const [setup, r] of [
      ["before: each thread decodes its own Orama instance", before],
      ["after: one shared buffer, read in place", after],
    ] as const) {
      const grown = r.loaded - r.base;
      rows.push({
        setup,
        "artifact MB": MB(r.size),
        "RSS idle pool MB": MB(r.base),
        "RSS loaded MB": MB(r.loaded),
        "growth MB per 100k docs": per100k(grown),
        "bytes per doc": Math.round(grown / n),
        "load ms (first thread)": Math.round(r.first),
        "load ms (both threads)": Math.round(r.all),
        "ms per 100k (first)": Math.round((r.first / n) * 100_000),
        "RSS after a tolerance query MB": MB(r.withOrama),
      });
    }
    printTable(`search memory: SearchPool with 2 threads, ${n.toLocaleString("en-US")} wordnet docs (targets: ≤ 250 MB per 100k, load ≤ 1 s per 100k)`, rows);
  }
}
