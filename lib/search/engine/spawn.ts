// Worker entry files are TypeScript next to this module. Bundlers (Next, Turbopack) compile
// `new Worker(new URL("./x.ts", import.meta.url))` themselves; under plain Node (tsx, vitest) the
// worker is still a .ts file, so it starts through tsx's CommonJS register hook (`--import tsx` in
// a worker's execArgv is not honoured for the entry module on Node 20).
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startWorker(url: URL, opts: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url, opts);
  const entry = JSON.stringify(fileURLToPath(url));
  const boot = `require("tsx/cjs/api").register(); require(${entry});`;
  return new Worker(boot, { ...opts, eval: true });
}

/** Errors cross the thread boundary as plain data; keep name, message and Orama's `code`. */
export type WireError = { name: string; message: string; code?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message, code: (err as { code?: string }).code };
  return { name: "Error", message: String(err) };
}
