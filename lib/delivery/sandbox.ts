// Runs a hook's transformation (JavaScript defining `handler(webhook)`) in a QuickJS sandbox: one WASM
// module per thread, a fresh runtime and context per call, no host functions at all (no I/O, no
// require, no timers), a CPU deadline through the interrupt handler, a memory and a stack limit.
// Called inside the sandbox thread (sandbox-thread.ts); the server reaches it through sandbox-pool.ts.
import { newQuickJSWASMModule, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from "quickjs-emscripten";
import { cpuBudget } from "./thread-cpu";

/** CPU budget of one call (source evaluation + handler + result serialisation), on our thread (thread-cpu.ts). */
export const TRANSFORM_TIME_LIMIT_MS = 100;
/** Heap the transformation may use beyond what its input takes once parsed inside the sandbox. */
export const TRANSFORM_MEMORY_LIMIT_BYTES = 16 * 1024 * 1024;
/** QuickJS's own stack limit: about 1,400 nested calls, well inside Node's native stack. */
const STACK_LIMIT_BYTES = 256 * 1024;
const FILE_NAME = "transformation.js";

export type SandboxFailure = {
  kind: "syntax" | "error" | "timeout" | "memory" | "stack" | "no_handler" | "result";
  message: string;
  line?: number;
  column?: number;
};
export type SandboxResult = { ok: true; value: unknown; durationMs: number } | { ok: false; error: SandboxFailure; durationMs: number };

// One module per process (≈ 15 ms to load). If a host-level failure ever escapes it (a WASM trap), the
// module is dropped and the next call loads a fresh one rather than reuse a possibly broken instance.
let modulePromise: Promise<QuickJSWASMModule> | undefined;
const quickjs = () => (modulePromise ??= newQuickJSWASMModule().catch((err) => {
  modulePromise = undefined;
  throw err;
}));

/** Loads the module ahead of the first call (the thread does it before it says it is ready). */
export async function warmUp(): Promise<void> {
  await quickjs();
}

/** Where in the source an error points: QuickJS stacks read `at handler (transformation.js:3:10)`. */
function position(stack: unknown): { line?: number; column?: number } {
  const m = typeof stack === "string" ? new RegExp(`${FILE_NAME.replace(".", "\\.")}:(\\d+)(?::(\\d+))?`).exec(stack) : null;
  return m ? { line: Number(m[1]), ...(m[2] ? { column: Number(m[2]) } : {}) } : {};
}

function failure(vm: QuickJSContext, handle: QuickJSHandle, timedOut: boolean): SandboxFailure {
  const e = vm.dump(handle) as { name?: string; message?: string; stack?: string } | unknown;
  const err = (e && typeof e === "object" ? e : { message: String(e) }) as { name?: string; message?: string; stack?: string };
  const where = position(err.stack);
  if (err.name === "InternalError" && err.message === "interrupted") {
    return { kind: "timeout", message: `timed out: the transformation ran longer than ${TRANSFORM_TIME_LIMIT_MS} ms`, ...where };
  }
  // A source that does not compile is a syntax error whatever the clock says (a loaded machine can
  // deschedule this thread past the deadline while it compiles).
  if (err.name === "SyntaxError" && err.stack && !/\bat handler\b/.test(err.stack) && where.line) {
    return { kind: "syntax", message: `SyntaxError: ${err.message}`, ...where };
  }
  if (timedOut) return { kind: "timeout", message: `timed out: the transformation ran longer than ${TRANSFORM_TIME_LIMIT_MS} ms`, ...where };
  if (err.name === "InternalError" && err.message === "out of memory") {
    return { kind: "memory", message: `out of memory: the transformation used more than ${TRANSFORM_MEMORY_LIMIT_BYTES / 1024 / 1024} MB`, ...where };
  }
  if (err.name === "InternalError" && err.message === "stack overflow") return { kind: "stack", message: "stack overflow (too deep a recursion)", ...where };
  const text = err.name ? `${err.name}: ${err.message ?? ""}` : String(err.message ?? "thrown value");
  return { kind: "error", message: text.slice(0, 1000), ...where };
}

function memoryUsed(rt: QuickJSRuntime, vm: QuickJSContext): number {
  const h = rt.computeMemoryUsage();
  try {
    return Number((vm.dump(h) as { memory_used_size?: number }).memory_used_size ?? 0);
  } finally {
    h.dispose();
  }
}

/**
 * Evaluates `source` and, when `input` is given, calls `handler(input)` and returns its result as
 * JSON-compatible data. Without `input` it only checks that the source evaluates and defines handler.
 */
export async function runInSandbox(source: string, input?: unknown): Promise<SandboxResult> {
  const qjs = await quickjs();
  const started = performance.now();
  let timedOut = () => false;
  const rt = qjs.newRuntime();
  const done = (r: { ok: true; value: unknown } | { ok: false; error: SandboxFailure }): SandboxResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  try {
    rt.setMaxStackSize(STACK_LIMIT_BYTES);
    rt.setInterruptHandler(() => timedOut());
    const vm = rt.newContext();
    const handles: QuickJSHandle[] = [];
    const keep = (h: QuickJSHandle) => (handles.push(h), h);
    try {
      // The built-ins are taken before the user's code runs, so redefining JSON cannot change our reads.
      const json = keep(vm.getProp(vm.global, "JSON"));
      const stringify = keep(vm.getProp(json, "stringify"));
      const parse = keep(vm.getProp(json, "parse"));
      let arg: QuickJSHandle | undefined;
      if (input !== undefined) {
        const text = keep(vm.newString(JSON.stringify(input)));
        const parsed = vm.callFunction(parse, json, text);
        if (parsed.error) {
          parsed.error.dispose();
          return done({ ok: false, error: { kind: "result", message: "the input could not be handed to the sandbox" } });
        }
        arg = keep(parsed.value);
      }
      // The limit counts from here: a large batch of changes does not eat into the transformation's 16 MB.
      rt.setMemoryLimit(memoryUsed(rt, vm) + TRANSFORM_MEMORY_LIMIT_BYTES);
      timedOut = cpuBudget(TRANSFORM_TIME_LIMIT_MS);

      const evaluated = vm.evalCode(source, FILE_NAME, { type: "global", strict: false });
      if (evaluated.error) {
        const f = failure(vm, evaluated.error, timedOut());
        evaluated.error.dispose();
        return done({ ok: false, error: f });
      }
      evaluated.value.dispose();
      const handler = keep(vm.getProp(vm.global, "handler"));
      if (vm.typeof(handler) !== "function") {
        return done({ ok: false, error: { kind: "no_handler", message: "the source must define a function named handler: function handler(webhook) { …; return webhook; }" } });
      }
      if (arg === undefined) return done({ ok: true, value: undefined });

      const called = vm.callFunction(handler, vm.undefined, arg);
      if (called.error) {
        const f = failure(vm, called.error, timedOut());
        called.error.dispose();
        return done({ ok: false, error: f });
      }
      const result = keep(called.value);
      // Reading the state runs no user code (a `then` getter could); the sandbox has no event loop to settle one anyway.
      const state = vm.getPromiseState(result);
      if (!(state.type === "fulfilled" && state.notAPromise)) {
        if (state.type === "fulfilled") state.value.dispose();
        if (state.type === "rejected") state.error.dispose();
        return done({ ok: false, error: { kind: "result", message: "handler returned a Promise: it must return the webhook object synchronously" } });
      }
      const serialised = vm.callFunction(stringify, json, result);
      if (serialised.error) {
        const f = failure(vm, serialised.error, timedOut());
        serialised.error.dispose();
        return done({ ok: false, error: f });
      }
      const text = keep(serialised.value);
      if (vm.typeof(text) !== "string") return done({ ok: false, error: { kind: "result", message: "handler returned nothing: return the webhook object (or { cancel: true })" } });
      return done({ ok: true, value: JSON.parse(vm.getString(text)) });
    } finally {
      for (const h of handles.reverse()) if (h.alive) h.dispose();
      vm.dispose();
    }
  } catch (err) {
    // Only a failure of the host side lands here (the sandbox's own errors are values above).
    modulePromise = undefined;
    return done({ ok: false, error: { kind: "error", message: `sandbox failure: ${err instanceof Error ? err.message : String(err)}` } });
  } finally {
    try {
      rt.dispose();
    } catch {
      modulePromise = undefined;
    }
  }
}
