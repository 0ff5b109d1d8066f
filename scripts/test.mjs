// `npm test`: build if needed, unit + integration tests (vitest), then the browser suite (Playwright),
// and one closing line "N passed, N failed". TEST_DATABASE_URL runs the integration tests on Postgres.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { ensureBuild } from "./ensure-build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureBuild();
fs.mkdirSync("test-results", { recursive: true });
const reports = [];
const run = (args, report) => {
  fs.rmSync(report, { force: true });
  reports.push(report);
  return spawnSync("npx", args, { stdio: "inherit", env: process.env }).status === 0;
};
const skipE2e = process.argv.includes("--no-e2e");
run(["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], "test-results/vitest.json");
if (!skipE2e) run(["playwright", "test"], "test-results/e2e.json");
const summary = spawnSync(process.execPath, ["scripts/summarize.mjs", ...reports], { stdio: "inherit" });
process.exit(summary.status ?? 1);
