// Runs transformations off the event loop: one worker thread, one call at a time, each with a hard
// stop. QuickJS checks its CPU deadline between bytecode steps, and a single builtin (a huge repeat,
// a sort, GC near the memory limit) can run for seconds between two checks; past the hard limit (the
// thread's CPU time, thread-cpu.ts) the thread is terminated (the call fails as timed out) and a fresh
// one takes the next call.
import type { Worker } from "node:worker_threads";
import { startThread } from "../search/engine/spawn";
import { TRANSFORM_TIME_LIMIT_MS, type SandboxFailure, type SandboxResult } from "./sandbox";
import { cpuBudget } from "./thread-cpu";
import type { SandboxRequest } from "./sandbox-thread";

/** How long past the soft limit a call may run before its thread is killed (its CPU time from when the job is posted). */
const HARD_STOP_MS = TRANSFORM_TIME_LIMIT_MS + 400;

type Job = { source: string; input?: unknown; resolve: (r: SandboxResult) => void };

// On globalThis: Next's instrumentation (the inline worker) and its route handlers are separate module instances.
const g = globalThis as typeof globalThis & { __indexhookSandbox?: SandboxPool };

type Thread = { w: Worker; tid: number | null };

class SandboxPool {
  private worker: Promise<Thread> | undefined;
  private queue: Job[] = [];
  private busy = false;
  private seq = 0;

  run(source: string, input?: unknown): Promise<SandboxResult> {
    return new Promise((resolve) => {
      this.queue.push({ source, input, resolve });
      void this.next();
    });
  }

  /** The running thread, once it has loaded QuickJS (a cold start never eats into a call's time). */
  private thread(): Promise<Thread> {
    if (this.worker) return this.worker;
    const w = startThread("sandbox-thread");
    // The thread only waits for messages: it must not keep a finishing process (tests, worker.ts) alive.
    w.unref();
    const ready = new Promise<Thread>((resolve, reject) => {
      const onReady = (m: { ready?: boolean; tid?: number | null }) => {
        if (!m.ready) return;
        w.off("message", onReady);
        resolve({ w, tid: m.tid ?? null });
      };
      w.on("message", onReady);
      w.once("exit", () => reject(new Error("the sandbox thread did not start")));
    });
    w.on("error", (err) => console.error("[indexhook] transformation sandbox thread failed:", err));
    w.on("exit", () => {
      if (this.worker === ready) this.worker = undefined;
    });
    this.worker = ready;
    ready.catch(() => {});
    return ready;
  }

  private async next() {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    let w: Worker;
    let tid: number | null;
    try {
      ({ w, tid } = await this.thread());
    } catch (err) {
      this.busy = false;
      job.resolve({ ok: false, error: { kind: "error", message: `sandbox unavailable: ${err instanceof Error ? err.message : String(err)}` }, durationMs: 0 });
      return void this.next();
    }
    const id = ++this.seq;
    const started = performance.now();
    let settled = false;
    const finish = (r: SandboxResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("exit", onExit);
      this.busy = false;
      job.resolve(r);
      void this.next();
    };
    const onMessage = (m: { id?: number; result?: SandboxResult }) => {
      if (m.id === id && m.result) finish(m.result);
    };
    const elapsed = () => Math.round(performance.now() - started);
    const spent = cpuBudget(HARD_STOP_MS, tid);
    const onExit = () => finish({ ok: false, error: { kind: "error", message: "the sandbox stopped unexpectedly" }, durationMs: elapsed() });
    const stop = () =>
      // After the poll phase, not now: when this event loop was busy past the hard stop, an answer that
      // came in meanwhile is still queued behind this timer, and it is read first (then there is nothing to stop).
      setImmediate(() => {
        if (settled) return;
        // A thread a loaded machine kept waiting has not used its time yet: look again a little later.
        if (!spent()) return void (timer = setTimeout(stop, 50));
        // Detach first: the exit this causes is ours, not a crash.
        w.off("exit", onExit);
        this.worker = undefined;
        void w.terminate();
        finish({ ok: false, error: { kind: "timeout", message: `timed out: the transformation ran longer than ${TRANSFORM_TIME_LIMIT_MS} ms and was stopped` }, durationMs: elapsed() });
      });
    let timer = setTimeout(stop, HARD_STOP_MS);
    w.on("message", onMessage);
    w.on("exit", onExit);
    const msg: SandboxRequest = { id, source: job.source, input: job.input };
    w.postMessage(msg);
  }
}

/** Runs `source` (and `handler(input)` when input is given) in the sandbox thread; never throws. */
export function runTransformation(source: string, input?: unknown): Promise<SandboxResult> {
  return (g.__indexhookSandbox ??= new SandboxPool()).run(source, input);
}

/** The save-time check: the source evaluates within the limits and defines handler. */
export async function checkSource(source: string): Promise<SandboxFailure | null> {
  const r = await runTransformation(source);
  return r.ok ? null : r.error;
}
