// Preloaded into test servers only (lib/testing/server.ts spawnNext, `node --import`): the server exits
// when the test process that started it is gone. Its stdin is a pipe from that process, and a pipe
// reaches end-of-file when its other end closes — the parent exiting, crashing or being SIGKILLed
// included — so no test run can leave a `next-server` behind, whatever happened to the test (a timeout,
// Ctrl-C, a vitest fork torn down before its afterAll finished).
// The engine's worker threads inherit the --import: in a thread, process.stdin is the thread's own
// (empty) stream and process.exit() ends only the thread, so the watch is the main thread's alone.
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
  process.stdin.resume();
}
