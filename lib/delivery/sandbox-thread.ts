// The transformation sandbox's worker thread: runs one QuickJS call per message. A thread so that a
// transformation stuck inside a long builtin (where QuickJS's interrupt check cannot reach it) never
// blocks the server's event loop: the pool terminates the thread instead.
import { parentPort } from "node:worker_threads";
import { runInSandbox, warmUp } from "./sandbox";
import { threadId } from "./thread-cpu";

export type SandboxRequest = { id: number; source: string; input?: unknown };

parentPort?.on("message", async (m: SandboxRequest) => {
  const result = await runInSandbox(m.source, m.input);
  parentPort?.postMessage({ id: m.id, result });
});

// The pool's hard stop counts from the first job, so the WASM module is loaded before we say ready; with
// this thread's id, by which the pool reads the CPU time a job has used.
void warmUp().then(() => parentPort?.postMessage({ ready: true, tid: threadId() }));
