// The Playwright web server: a fresh DATA_DIR each run, then the production server. With TEST_DATABASE_URL
// it runs on a fresh database on that Postgres server (dropped when the server stops) instead of PGlite.
import fs from "node:fs";
import { spawn } from "node:child_process";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must be set for the e2e server");
fs.rmSync(dataDir, { recursive: true, force: true });

let drop = async () => {};
const env = { ...process.env };
if (process.env.TEST_DATABASE_URL) {
  const { default: postgres } = await import("postgres");
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = `ih_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  drop = async () => {
    const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await again.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await again.end();
  };
  console.log(`[e2e] on Postgres database ${name}`);
}

// The production server (Next plus the search fast lane), as `npm start` runs it.
const child = spawn(process.execPath, ["--import", "./scripts/server-preload.mjs", "scripts/server.mjs", "-p", process.env.PORT, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", async (code) => {
  await drop();
  process.exit(code ?? 0);
});
