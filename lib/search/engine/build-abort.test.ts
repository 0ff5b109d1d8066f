// Aborting a build terminates its worker thread — a thread stuck in synchronous work included —
// and rejects with the abort reason; the deploy time limit relies on this.
import { describe, expect, it } from "vitest";
import { buildArtifact } from "./build-artifact";
import type { BuildProgress, EngineDocument } from "./types";

const SCHEMA = { title: "string", n: "number" } as const;
const docs = (count: number): EngineDocument[] => Array.from({ length: count }, (_, i) => ({ id: `d${i}`, title: `word${i} common text ${i % 97}`, n: i }));

describe("buildArtifact with an AbortSignal", () => {
  it("terminates a thread that never yields and rejects with the reason", async () => {
    const ac = new AbortController();
    const reason = new Error("deploy exceeded DEPLOY_TIMEOUT_MS (test)");
    let abortedAt = 0;
    const build = buildArtifact(SCHEMA, docs(10), {
      testStallMs: 120_000,
      signal: ac.signal,
      // The thread reports 0 % and then blocks in Atomics.wait: abort it there.
      onProgress: () => {
        abortedAt = performance.now();
        ac.abort(reason);
      },
    });
    await expect(build).rejects.toBe(reason);
    // The promise settles only after the thread exited: well before its 120 s stall would end.
    expect(performance.now() - abortedAt).toBeLessThan(10_000);
  });

  it("stops a real build part-way: no progress arrives after the rejection", async () => {
    const ac = new AbortController();
    const seen: BuildProgress[] = [];
    const build = buildArtifact(SCHEMA, docs(40_000), {
      batchSize: 200,
      signal: ac.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done >= 400) ac.abort(new Error("stop"));
      },
    });
    await expect(build).rejects.toThrow("stop");
    const atRejection = seen.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.length).toBe(atRejection);
    expect(seen.at(-1)!.phase).toBe("build");
    expect(seen.at(-1)!.done).toBeLessThan(40_000);
  });

  it("rejects at once on an already aborted signal, and ignores an abort after the build finished", async () => {
    const gone = AbortSignal.abort(new Error("too late"));
    await expect(buildArtifact(SCHEMA, docs(5), { signal: gone })).rejects.toThrow("too late");
    const ac = new AbortController();
    const artifact = await buildArtifact(SCHEMA, docs(5), { signal: ac.signal });
    ac.abort(new Error("after"));
    expect(artifact.length).toBeGreaterThan(0);
  });
});
