// The Playwright web server: a fresh DATA_DIR each run, then the production server.
import fs from "node:fs";
import { spawn } from "node:child_process";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must be set for the e2e server");
fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["--import", "./scripts/peer-address.mjs", "node_modules/next/dist/bin/next", "start", "-p", process.env.PORT, "-H", "127.0.0.1", "--keepAliveTimeout", "65000"], {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
