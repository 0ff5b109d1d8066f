// notify throughput over HTTP (batches of 1,000 documents) next to a plain batched insert of the
// same rows in-process, on PGlite and on Postgres, as a ratio. Target: ≥ 50 % of the plain insert.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type DbHandle } from "../lib/db/client";
import { indexes, pendingChanges, tasks } from "../lib/db/schema";
import { createPostgresDatabase } from "../lib/testing/postgres";
import { api, startServer } from "../lib/testing/server";
import { printTable, rate, type Row } from "./table";

const BATCH = 1000;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 40);
const SCHEMA = { title: "string", body: "string", year: "number", tags: "string[]" };

function docs(batch: number) {
  return Array.from({ length: BATCH }, (_, i) => ({
    id: `d${batch}-${i}`,
    title: `Document ${batch}-${i}`,
    body: "The quick brown fox jumps over the lazy dog while the search index keeps up. ".repeat(2),
    year: 1900 + (i % 120),
    tags: ["bench", `t${i % 10}`],
  }));
}

/** The baseline: the same pending_changes rows, inserted in batches of 1,000 straight into the database. */
async function plainInsert(h: DbHandle): Promise<number> {
  await h.db.insert(indexes).values({ id: "plain", name: "plain", schema: SCHEMA });
  const [task] = await h.db.insert(tasks).values({ indexUid: "plain", type: "notify", status: "enqueued" }).returning();
  const started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const rows = docs(b).map((d) => ({ indexId: "plain", taskUid: task.uid, op: "upsert" as const, docId: d.id, doc: d }));
    await h.db.insert(pendingChanges).values(rows);
  }
  return rate(BATCHES * BATCH, performance.now() - started);
}

async function overHttp(postgresUrl: string | undefined): Promise<number> {
  const server = await startServer({}, { postgresUrl });
  try {
    const call = api(server);
    await call("POST", "/api/v1/indexes", { id: "bench", name: "bench", schema: SCHEMA });
    const bodies = Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ upsert: docs(b) }));
    await call("POST", "/api/v1/webhooks/bench/notify", JSON.stringify({ upsert: docs(999) }), { "content-type": "application/json" }); // warm-up
    const started = performance.now();
    for (const body of bodies) {
      const r = await call("POST", "/api/v1/webhooks/bench/notify", body, { "content-type": "application/json" });
      if (r.status !== 202) throw new Error(`notify answered ${r.status}: ${r.text}`);
    }
    return rate(BATCHES * BATCH, performance.now() - started);
  } finally {
    await server.stop();
  }
}

export async function benchIngest(): Promise<void> {
  const rows: Row[] = [];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  for (const backend of ["pglite", "postgres"] as const) {
    let plain: number;
    if (backend === "pglite") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-bench-"));
      const h = await openDb({ pgliteDir: path.join(dir, "pglite") });
      plain = await plainInsert(h);
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const pg = await createPostgresDatabase(pgUrl).catch(() => null);
      if (!pg) {
        console.log(`(no Postgres at ${pgUrl}: skipped)`);
        continue;
      }
      const h = await openDb({ url: pg.url, max: 1 });
      plain = await plainInsert(h);
      await h.close();
      await pg.drop();
    }
    const viaHttp = await overHttp(backend === "postgres" ? pgUrl : undefined);
    rows.push({
      backend,
      documents: BATCHES * BATCH,
      "plain insert docs/s": plain,
      "notify over HTTP docs/s": viaHttp,
      "ratio (target ≥ 0.50)": Math.round((viaHttp / plain) * 100) / 100,
    });
  }
  printTable("ingest: notify over HTTP vs plain batched insert (batches of 1,000)", rows);
}
