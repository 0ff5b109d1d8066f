// The embedded database's own thread: PGlite runs here, off the server's event loop, and answers the
// Postgres wire protocol that postgres.js speaks on the main thread (lib/db/pglite-pipe.ts carries the
// bytes over this worker's MessagePort: no TCP port, no socket file). Plain JavaScript so that both the
// sources (tsx, vitest) and the production server (a Next bundle that cannot see a worker entry) start it
// as it is. One PGlite backend is one session: the main thread keeps exactly one connection open, and a
// connection that goes away inside a transaction has it rolled back, as a Postgres backend would.
//
// Messages in:  { type: "open", id } | { type: "data", id, buf: ArrayBuffer } | { type: "end", id }
//               | { type: "dump", seq } | { type: "close" }
// Messages out: { type: "ready" } | { type: "failed", message, stack } | { type: "data", id, buf }
//               | { type: "ended", id } | { type: "dump", seq, buf?, error? } | { type: "closed" }
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

const { dir, loadDataDir, migrationsFolder } = workerData;

/** @type {PGlite} */
let pg;
/** Connection id → its unparsed bytes and whether its startup message has been handled. */
const conns = new Map();
/** Every statement runs in arrival order: one chain for the whole database (it has one session). */
let chain = Promise.resolve();

function post(message, transfer) {
  parentPort.postMessage(message, transfer);
}

/** Splits complete protocol messages off the front of a connection's buffer. */
function takeMessages(conn) {
  const out = [];
  let buf = conn.buf;
  let at = 0;
  for (;;) {
    if (!conn.started) {
      // Startup (and SSLRequest): int32 length, no type byte.
      if (buf.length - at < 8) break;
      const len = buf.readInt32BE(at);
      if (buf.length - at < len) break;
      const code = buf.readInt32BE(at + 4);
      if (code === 80877103) {
        out.push({ kind: "ssl" });
      } else if (code === 80877102) {
        // CancelRequest (its own connection): PGlite has no other backend to signal; drop it.
        out.push({ kind: "terminate" });
        conn.started = true;
      } else {
        out.push({ kind: "startup", bytes: buf.subarray(at, at + len) });
        conn.started = true;
      }
      at += len;
      continue;
    }
    if (buf.length - at < 5) break;
    const len = 1 + buf.readInt32BE(at + 1);
    if (buf.length - at < len) break;
    out.push({ kind: buf[at] === 0x58 ? "terminate" : "message", bytes: buf.subarray(at, at + len) });
    at += len;
  }
  conn.buf = at === buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(at));
  return out;
}

/** Runs protocol bytes on the one backend and returns everything it answered, in one buffer. */
async function run(bytes) {
  const parts = [];
  let size = 0;
  await pg.runExclusive(() =>
    pg.execProtocolRawStream(bytes, {
      onRawData: (data) => {
        parts.push(Uint8Array.from(data)); // a view into WASM memory: copy before the next call reuses it
        size += data.length;
      },
    }),
  );
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function rollbackIfOpen() {
  if (pg.isInTransaction()) await pg.runExclusive(() => pg.exec("rollback"));
}

async function onData(id, chunk) {
  const conn = conns.get(id);
  if (!conn) return;
  conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
  const answers = [];
  let pending = [];
  const flushPending = async () => {
    if (!pending.length) return;
    answers.push(await run(pending.length === 1 ? pending[0] : Buffer.concat(pending)));
    pending = [];
  };
  for (const m of takeMessages(conn)) {
    if (m.kind === "ssl") answers.push(Uint8Array.of(0x4e)); // 'N': no TLS over a MessagePort
    else if (m.kind === "startup") answers.push(await run(Uint8Array.from(m.bytes)));
    else if (m.kind === "terminate") {
      await flushPending();
      await endConn(id);
      break;
    } else pending.push(m.bytes);
  }
  await flushPending();
  const size = answers.reduce((n, a) => n + a.length, 0);
  if (!size) return;
  const out = new Uint8Array(size);
  let at = 0;
  for (const a of answers) {
    out.set(a, at);
    at += a.length;
  }
  post({ type: "data", id, buf: out.buffer }, [out.buffer]);
}

async function endConn(id) {
  if (!conns.delete(id)) return;
  await rollbackIfOpen();
  post({ type: "ended", id });
}

function enqueue(fn) {
  chain = chain.then(fn).catch((err) => post({ type: "failed", message: String(err?.message ?? err), stack: err?.stack }));
  return chain;
}

parentPort.on("message", (msg) => {
  switch (msg.type) {
    case "open":
      conns.set(msg.id, { buf: Buffer.alloc(0), started: false });
      break;
    case "data":
      enqueue(() => onData(msg.id, Buffer.from(msg.buf)));
      break;
    case "end":
      enqueue(() => endConn(msg.id));
      break;
    case "dump":
      enqueue(async () => {
        try {
          const blob = await pg.dumpDataDir("none");
          const buf = await blob.arrayBuffer();
          post({ type: "dump", seq: msg.seq, buf }, [buf]);
        } catch (err) {
          post({ type: "dump", seq: msg.seq, error: String(err?.message ?? err) });
        }
      });
      break;
    case "close":
      enqueue(async () => {
        for (const id of [...conns.keys()]) await endConn(id);
        await pg.close();
        post({ type: "closed" });
        parentPort.close();
      });
      break;
  }
});

try {
  pg = await PGlite.create(dir, loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {});
  await migrate(drizzle(pg), { migrationsFolder });
  post({ type: "ready" });
} catch (err) {
  post({ type: "failed", message: String(err?.message ?? err), stack: err?.stack });
}
