// buildArtifact: schema + documents → artifact Buffer, built in a worker thread with progress.
// An aborted build terminates its thread (even one stuck in synchronous indexing) before it rejects.
import { startThread } from "./spawn";
import type { WireError } from "./wire";
import type { BuildOptions, BuildProgress, EngineDocument, OramaSchema } from "./types";

type Message =
  | ({ type: "progress" } & BuildProgress)
  | { type: "done"; artifact: ArrayBuffer }
  | { type: "error"; error: WireError };

export class BuildError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "BuildError";
  }
}

const abortReason = (signal: AbortSignal) => signal.reason ?? new BuildError("the build was aborted", "aborted");

export function buildArtifact(schema: OramaSchema, docs: EngineDocument[], opts: BuildOptions = {}): Promise<Buffer> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const thread = startThread("build-thread", {
    workerData: { schema, docs, batchSize: opts.batchSize ?? 1000, stallMs: opts.testStallMs ?? 0, tokenMaxLength: opts.tokenMaxLength },
  });
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
      void thread.terminate();
    };
    // Reject only once the thread is gone, so an aborted build holds no core and no memory after.
    function onAbort() {
      if (settled) return;
      settled = true;
      void thread.terminate().finally(() => reject(abortReason(signal!)));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    thread.on("message", (m: Message) => {
      if (m.type === "progress") {
        const { phase, done, total } = m;
        // A throwing callback must not leave the build hanging.
        try {
          opts.onProgress?.({ phase, done, total });
        } catch (err) {
          finish(() => reject(err));
        }
      } else if (m.type === "done") finish(() => resolve(Buffer.from(m.artifact)));
      else finish(() => reject(new BuildError(m.error.message, m.error.code)));
    });
    thread.on("error", (err) => finish(() => reject(err)));
    thread.on("exit", (code) => finish(() => reject(new BuildError(`build thread exited with code ${code}`))));
  });
}
