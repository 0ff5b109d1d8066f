// Search threads share one copy of each version: two threads answer identically from one
// SharedArrayBuffer (and as Orama does), a thread replaced after a timeout reloads from that same
// buffer, and an artifact written before the shared format is converted once, by the first thread.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import { loadWordnet, WORDNET_SCHEMA } from "../../../bench/wordnet";
import type { SearchParamsInput } from "../../contracts/search";
import { decodeArtifact, readArtifactMeta } from "./artifact";
import { buildArtifact } from "./build-artifact";
import { ContainerReader, ContainerWriter } from "./container";
import { comparable } from "./fixtures";
import { patchOrama } from "./orama-patch";
import type { PoolReply, PoolRequest } from "./pool-protocol";
import { runSearch } from "./run-search";
import { SearchPool } from "./search-pool";
import { SearchTimeoutError } from "./pool-protocol";
import { startThread } from "./spawn";

const QUERIES: SearchParamsInput[] = [
  { term: "the", limit: 20 },
  { term: "a person", facets: { pos: {} } },
  { term: "the act", where: { n: { gte: 2 } }, facets: { pos: {}, n: { ranges: [{ from: 1, to: 2 }] } }, limit: 25, offset: 5 },
  { term: "anmal", tolerance: 1 },
  { term: "water", sortBy: { property: "n", order: "DESC" }, limit: 5 },
];
const SLOW = {
  term: Array.from({ length: 120 }, (_, i) => `${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${"qwertyuiopasdf".slice(i % 5, 8 + (i % 5))}`).join(" "),
  tolerance: 3,
};

function ask(thread: Worker, req: PoolRequest): Promise<PoolReply & { ok: boolean }> {
  return new Promise((resolve) => {
    const on = (m: PoolReply) => {
      if (m.seq !== req.seq || "decoding" in m) return;
      thread.off("message", on);
      resolve(m);
    };
    thread.on("message", on);
    thread.postMessage(req);
  });
}

/** The same artifact as written before the shared sections existed (no shared manifest entry or columns). */
function withoutSharedSections(artifact: Buffer): Buffer {
  const r = new ContainerReader(artifact);
  const old = /\.(key|chars|loff|skip|dstart|occ|ikey|bm25)$|^(len\.|facet\.|ids\.|docs\.span|docs\.pos)/;
  const w = new ContainerWriter();
  const entries = (r as unknown as { entries: Map<string, { kind: string }> }).entries;
  for (const [name, e] of entries) if (!old.test(name)) w.raw(name, e.kind as never, Buffer.from(r.section(name)));
  const { shared: _shared, ...meta } = readArtifactMeta(artifact);
  return w.finish(meta);
}

describe("shared versions across search threads", () => {
  let artifact: Buffer;
  let reference: ReturnType<typeof decodeArtifact>;
  beforeAll(async () => {
    patchOrama();
    artifact = await buildArtifact(WORDNET_SCHEMA, loadWordnet(3000));
    reference = decodeArtifact(artifact);
  });

  it("two threads answer identically from one SharedArrayBuffer, as Orama does", async () => {
    const sab = new SharedArrayBuffer(artifact.length);
    new Uint8Array(sab).set(artifact);
    const threads = [startThread("search-thread", { workerData: { cache: false } }), startThread("search-thread", { workerData: { cache: false } })];
    try {
      let seq = 0;
      for (const t of threads) expect((await ask(t, { type: "load", seq: ++seq, key: "wn", artifact: sab })).ok).toBe(true);
      for (const q of QUERIES) {
        const answers = [];
        for (const t of threads) {
          const r = (await ask(t, { type: "search", seq: ++seq, key: "wn", params: q })) as { ok: true; result: Parameters<typeof comparable>[0] };
          expect(r.ok, JSON.stringify(q)).toBe(true);
          answers.push(JSON.stringify(comparable(r.result)));
        }
        expect(answers[0], JSON.stringify(q)).toBe(answers[1]);
        expect(answers[0], JSON.stringify(q)).toBe(JSON.stringify(comparable(runSearch(reference, q, { fast: false }))));
      }
    } finally {
      await Promise.all(threads.map((t) => t.terminate()));
    }
  });

  describe("in a pool", () => {
    let pool: SearchPool;
    beforeAll(() => {
      pool = new SearchPool({ size: 2, timeoutMs: 1000, cache: false });
    });
    afterAll(() => pool?.close());

    it("a thread replaced after a timeout reloads from the same shared buffer and answers identically", async () => {
      await pool.load("wn", artifact);
      const internals = pool as unknown as { artifacts: Map<string, SharedArrayBuffer>; slots: { thread: Worker; loading: number }[] };
      const sab = internals.artifacts.get("wn")!;
      expect(sab).toBeInstanceOf(SharedArrayBuffer);
      for (let i = 0; i < 500 && internals.slots.some((s) => s.loading > 0); i++) await new Promise((r) => setTimeout(r, 10));
      const before = await Promise.all(QUERIES.map((q) => pool.search("wn", q)));
      const threadsBefore = internals.slots.map((s) => s.thread);
      // The slow query first decodes Orama's instance (not timed), then runs into the time limit.
      await expect(pool.search("wn", SLOW)).rejects.toBeInstanceOf(SearchTimeoutError);
      expect(internals.slots.map((s) => s.thread).filter((t) => !threadsBefore.includes(t))).toHaveLength(1);
      expect(internals.artifacts.get("wn")).toBe(sab);
      // Every query on both threads (two rounds, concurrently) gives the answers of before.
      const after = await Promise.all([...QUERIES, ...QUERIES].map((q) => pool.search("wn", q)));
      after.forEach((r, i) => expect(JSON.stringify(comparable(r))).toBe(JSON.stringify(comparable(before[i % QUERIES.length]))));
    });

    it("converts an artifact written before the shared format once and keeps the converted copy", async () => {
      const old = withoutSharedSections(artifact);
      expect(readArtifactMeta(old).shared).toBeUndefined();
      await pool.load("old", old);
      const internals = pool as unknown as { artifacts: Map<string, SharedArrayBuffer> };
      const kept = internals.artifacts.get("old")!;
      expect(readArtifactMeta(Buffer.from(kept)).shared).toBeDefined();
      for (const q of QUERIES) {
        expect(JSON.stringify(comparable(await pool.search("old", q))), JSON.stringify(q)).toBe(JSON.stringify(comparable(runSearch(reference, q, { fast: false }))));
      }
      await pool.evict("old");
    });
  });
});
