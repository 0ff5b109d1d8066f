// `npm test`: build if needed, unit + integration tests (vitest), then the browser suite (Playwright),
// and one closing line "N passed, N failed". With TEST_DATABASE_URL every integration suite and the
// browser suite's server run on their own fresh database on that Postgres server instead of PGlite.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { ensureBuild } from "./ensure-build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureBuild();
fs.mkdirSync("test-results", { recursive: true });
// Reports are named per database so CI can run both and sum them (scripts/summarize.mjs).
const db = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
const reports = [];
const run = (args, report, env = {}) => {
  fs.rmSync(report, { force: true });
  reports.push(report);
  return spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
};
const skipE2e = process.argv.includes("--no-e2e");
const vitestReport = `test-results/vitest-${db}.json`;
run(["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], vitestReport);
const e2eReport = `test-results/e2e-${db}.json`;
if (!skipE2e) run(["playwright", "test"], e2eReport, { E2E_REPORT: e2eReport });
const summary = spawnSync(process.execPath, ["scripts/summarize.mjs", ...reports], { stdio: "inherit" });
process.exit(summary.status ?? 1);
