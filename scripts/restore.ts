// npm run restore -- FILE [--passphrase-file PATH]
// Restores a dump (GET /api/v1/dumps/{uid}) into the database this environment names: DATABASE_URL, or
// the embedded PGlite in DATA_DIR. The instance must be empty (a fresh database or data dir); stop its
// server first (PGlite: the DATA_DIR lock refuses a second process anyway). The passphrase of a dump
// with encrypted hook secrets comes from INDEXHOOK_DUMP_PASSPHRASE or --passphrase-file, never argv.
import fs from "node:fs";
import { getDb } from "../lib/db";
import { AppError } from "../lib/errors";
import { openDumpFile, restoreDump } from "../lib/dumps/restore";

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--passphrase-file");
  const pf = args.indexOf("--passphrase-file");
  if (!file) {
    console.error("usage: npm run restore -- FILE [--passphrase-file PATH]   (or INDEXHOOK_DUMP_PASSPHRASE=…)");
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`restore: no file ${file}`);
    return 2;
  }
  const passphrase = pf >= 0 ? fs.readFileSync(args[pf + 1], "utf8").replace(/\r?\n$/, "") : process.env.INDEXHOOK_DUMP_PASSPHRASE || undefined;
  const h = await getDb();
  try {
    console.log(`restore: ${file} into ${h.kind === "postgres" ? "Postgres (DATABASE_URL)" : "PGlite (DATA_DIR)"}`);
    const report = await restoreDump(h, openDumpFile(file), { passphrase });
    const { header } = report;
    console.log(`restore: dump of ${header.createdAt} (Indexhook ${header.instance.app} on ${header.instance.database}, ${header.instance.migration}, secrets ${header.secrets})`);
    for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table}: ${n}`);
    for (const hk of report.regeneratedHooks)
      console.log(`  hook ${hk.uuid} (${hk.url || "poll"}): new signing secret and token${hk.droppedHeaders.length ? `; custom headers not restored: ${hk.droppedHeaders.join(", ")}` : ""}`);
    console.log(`restore: done${report.regeneratedHooks.length ? " — give the receivers of the hooks above their new secrets (reveal them in the dashboard)" : ""}`);
    return 0;
  } catch (err) {
    console.error(`restore: ${err instanceof AppError ? `${err.message} (${err.code})` : (err as Error).stack}`);
    return 1;
  } finally {
    await h.close();
  }
}

main().then((code) => process.exit(code));
