// buildArtifact: schema + documents → artifact Buffer, built in a worker thread with progress.
import { startWorker } from "./spawn";
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

export function buildArtifact(schema: OramaSchema, docs: EngineDocument[], opts: BuildOptions = {}): Promise<Buffer> {
  const worker = startWorker("build-worker", {
    workerData: { schema, docs, batchSize: opts.batchSize ?? 1000, tokenMaxLength: opts.tokenMaxLength },
  });
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (m: Message) => {
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
    worker.on("error", (err) => finish(() => reject(err)));
    worker.on("exit", (code) => finish(() => reject(new BuildError(`build worker exited with code ${code}`))));
  });
}
