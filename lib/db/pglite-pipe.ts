// The main thread's side of the embedded database thread (lib/db/pglite-thread.mjs): starts the thread,
// and gives postgres.js a socket whose bytes travel over the thread's MessagePort instead of TCP. So the
// server speaks to PGlite exactly as it speaks to Postgres (postgres.js, one connection), while PGlite's
// work (queries, bytea decoding, its garbage) happens on another thread and never stalls HTTP.
import { EventEmitter } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";

type FromThread =
  | { type: "ready" }
  | { type: "failed"; message: string; stack?: string }
  | { type: "data"; id: number; buf: ArrayBuffer }
  | { type: "ended"; id: number }
  | { type: "dump"; seq: number; buf?: ArrayBuffer; error?: string }
  | { type: "closed" };

const THREAD_FILE = path.join(process.cwd(), "lib", "db", "pglite-thread.mjs");

/** A duplex-enough object for postgres.js's `socket` option (it uses on/write/end/destroy/readyState). */
class PipeSocket extends EventEmitter {
  readyState: "open" | "closed" = "open";
  constructor(
    private readonly thread: PgliteThread,
    readonly id: number,
  ) {
    super();
  }
  write(chunk: Uint8Array | string, cb?: (err?: Error) => void): boolean {
    if (this.readyState !== "open") {
      cb?.(new Error("the embedded database connection is closed"));
      return false;
    }
    // postgres.js hands out views into its reusable write buffer: copy exactly these bytes, then move them.
    const copy = typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    this.thread.worker.postMessage({ type: "data", id: this.id, buf: copy.buffer }, [copy.buffer]);
    if (cb) process.nextTick(cb);
    return true;
  }
  end(chunk?: Uint8Array): this {
    if (this.readyState !== "open") return this;
    if (chunk) this.write(chunk);
    this.thread.worker.postMessage({ type: "end", id: this.id });
    return this;
  }
  destroy(): this {
    if (this.readyState === "open") this.thread.worker.postMessage({ type: "end", id: this.id });
    this.closed(false);
    return this;
  }
  pause(): void {}
  resume(): void {}
  /** @internal */
  closed(hadError: boolean, err?: Error): void {
    if (this.readyState === "closed") return;
    this.readyState = "closed";
    this.thread.sockets.delete(this.id);
    if (err) this.emit("error", err);
    this.emit("close", hadError);
  }
}

export class PgliteThread {
  readonly worker: Worker;
  readonly sockets = new Map<number, PipeSocket>();
  private nextId = 1;
  private nextSeq = 1;
  private readonly dumps = new Map<number, { resolve(b: Blob): void; reject(e: Error): void }>();
  private readonly ready: Promise<void>;
  private closing?: Promise<void>;
  private dead?: Error;

  private constructor(workerData: { dir: string; loadDataDir?: ArrayBuffer; migrationsFolder: string }) {
    this.worker = new Worker(THREAD_FILE, {
      workerData,
      transferList: workerData.loadDataDir ? [workerData.loadDataDir] : [],
    });
    let started = false;
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on("message", (msg: FromThread) => {
        if (msg.type === "ready") {
          started = true;
          resolve();
        } else if (msg.type === "failed") {
          const err = Object.assign(new Error(`embedded database: ${msg.message}`), { stack: msg.stack });
          if (!started) reject(err);
          else this.fail(err);
        } else this.onMessage(msg);
      });
      this.worker.on("error", (err) => (started ? this.fail(err) : reject(err)));
      this.worker.on("exit", (code) => {
        const err = new Error(`the embedded database thread exited (code ${code})`);
        if (!started) reject(err);
        this.fail(err);
      });
    });
  }

  /** Starts the thread: opens (or creates) the data directory and runs migrations there before resolving. */
  static async start(options: { dir: string; loadDataDir?: Blob; migrationsFolder: string }): Promise<PgliteThread> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const thread = new PgliteThread({ dir: options.dir, loadDataDir, migrationsFolder: options.migrationsFolder });
    try {
      await thread.ready;
    } catch (err) {
      await thread.worker.terminate();
      throw err;
    }
    return thread;
  }

  /** postgres.js `socket` option: a new connection to the one PGlite session. */
  connect = (): PipeSocket => {
    if (this.dead) throw this.dead;
    const socket = new PipeSocket(this, this.nextId++);
    this.sockets.set(socket.id, socket);
    this.worker.postMessage({ type: "open", id: socket.id });
    return socket;
  };

  /** A dumpDataDir() tarball (uncompressed) of the database, taken between two statements. */
  dumpDataDir(): Promise<Blob> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = this.nextSeq++;
    return new Promise((resolve, reject) => {
      this.dumps.set(seq, { resolve, reject });
      this.worker.postMessage({ type: "dump", seq });
    });
  }

  /** Closes PGlite cleanly (after the statements already sent) and ends the thread. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    if (this.dead) return Promise.resolve();
    this.closing = new Promise<void>((resolve) => {
      this.worker.once("exit", () => resolve());
      this.worker.postMessage({ type: "close" });
    });
    return this.closing;
  }

  private onMessage(msg: FromThread): void {
    if (msg.type === "data") this.sockets.get(msg.id)?.emit("data", Buffer.from(msg.buf));
    else if (msg.type === "ended") this.sockets.get(msg.id)?.closed(false);
    else if (msg.type === "dump") {
      const waiter = this.dumps.get(msg.seq);
      this.dumps.delete(msg.seq);
      if (msg.buf) waiter?.resolve(new Blob([msg.buf]));
      else waiter?.reject(new Error(`embedded database dump failed: ${msg.error}`));
    }
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    if (!this.closing) console.error(`[indexhook] ${err.message}`);
    for (const s of [...this.sockets.values()]) s.closed(true, err);
    for (const d of this.dumps.values()) d.reject(err);
    this.dumps.clear();
  }
}
