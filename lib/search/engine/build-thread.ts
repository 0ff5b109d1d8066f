// Thread entry for buildArtifact: inserts the documents with Orama and encodes the artifact, so the
// seconds of synchronous indexing never run on the caller's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { insertMultiple } from "@orama/orama";
import { createEngineDb, encodeDb } from "./artifact";
import { balanceAvlIndexes } from "./avl-balance";
import { toWire } from "./wire";
import type { EngineDocument, OramaSchema } from "./types";

type Input = { schema: OramaSchema; docs: EngineDocument[]; batchSize: number; stallMs: number; tokenMaxLength?: number };

async function run({ schema, docs, batchSize, stallMs, tokenMaxLength }: Input) {
  const port = parentPort!;
  const total = docs.length;
  const db = createEngineDb(schema, { tokenMaxLength });
  port.postMessage({ type: "progress", phase: "build", done: 0, total });
  // Tests only (BuildOptions.testStallMs): a thread that never yields, which only terminate() stops.
  if (stallMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, stallMs);
  for (let i = 0; i < total; i += batchSize) {
    // insertMultiple per batch (not one call) so progress can be reported between batches.
    await insertMultiple(db, docs.slice(i, i + batchSize) as never, batchSize);
    port.postMessage({ type: "progress", phase: "build", done: Math.min(i + batchSize, total), total });
  }
  balanceAvlIndexes(db);
  port.postMessage({ type: "progress", phase: "serialize", done: 0, total: 1 });
  const buf = encodeDb(schema, db, { tokenMaxLength });
  port.postMessage({ type: "progress", phase: "serialize", done: 1, total: 1 });
  // Hand the bytes over without a copy.
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  port.postMessage({ type: "done", artifact: ab }, [ab]);
}

run(workerData as Input).catch((err) => parentPort!.postMessage({ type: "error", error: toWire(err) }));
