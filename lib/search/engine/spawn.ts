// Starts the engine's worker threads. From source (tsx, vitest, benches) the entries are TypeScript
// next to this module and start through tsx's register hook; the production server (a Next bundle)
// calls enableCompiledThreads() at boot and runs the standalone bundles scripts/build-workers.mjs
// writes to .workers/ at build time, because a bundler cannot see a worker entry behind a variable.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export type ThreadEntry = "build-thread" | "search-thread" | "sandbox-thread";

/** Where an entry's source sits, relative to this module (the hook transformation sandbox is delivery's). */
const SOURCE_DIR: Record<ThreadEntry, string> = { "build-thread": ".", "search-thread": ".", "sandbox-thread": "../../delivery" };

// On globalThis: Next's instrumentation hook and its route handlers are separate module instances.
const g = globalThis as typeof globalThis & { __indexhookCompiledWorkers?: boolean };

export function enableCompiledThreads(): void {
  g.__indexhookCompiledWorkers = true;
}

export function startThread(entry: ThreadEntry, opts: WorkerOptions = {}): Worker {
  if (g.__indexhookCompiledWorkers) return new Worker(path.join(process.cwd(), ".workers", `${entry}.js`), opts);
  const file = JSON.stringify(path.join(path.dirname(fileURLToPath(import.meta.url)), SOURCE_DIR[entry], `${entry}.ts`));
  // `--import tsx` in a worker's execArgv is not honoured for the entry module on Node 20.
  return new Worker(`require("tsx/cjs/api").register(); require(${file});`, { ...opts, eval: true });
}
