// Worker entry for SearchPool: holds the loaded indexes of this thread and answers searches one at
// a time. A slow search blocks only this thread; the pool times it out and replaces the thread.
import { parentPort } from "node:worker_threads";
import type { AnyOrama } from "@orama/orama";
import { decodeArtifact } from "./artifact";
import { patchOrama } from "./orama-patch";
import { runSearch } from "./run-search";
import { toWire } from "./wire";
import type { PoolRequest } from "./pool-protocol";

patchOrama();
const dbs = new Map<string, AnyOrama>();
const port = parentPort!;

port.on("message", (m: PoolRequest) => {
  try {
    if (m.type === "load") {
      // The artifact is shared memory: decode reads it in place and copies what it keeps.
      dbs.set(m.key, decodeArtifact(Buffer.from(m.artifact)));
      port.postMessage({ seq: m.seq, ok: true });
    } else if (m.type === "evict") {
      dbs.delete(m.key);
      port.postMessage({ seq: m.seq, ok: true });
    } else {
      const db = dbs.get(m.key);
      if (!db) throw Object.assign(new Error(`index ${m.key} is not loaded`), { name: "IndexNotLoadedError" });
      port.postMessage({ seq: m.seq, ok: true, result: runSearch(db, m.params) });
    }
  } catch (err) {
    port.postMessage({ seq: m.seq, ok: false, error: toWire(err) });
  }
});
