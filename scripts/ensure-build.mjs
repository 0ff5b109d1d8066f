// Builds the app when there is no production build or when a source file is newer than it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["app", "components", "lib", "public", "drizzle", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  // Tests are not part of the build: editing one must not make `npm test` rebuild the app.
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildIsCurrent() {
  const marker = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(marker) || !fs.existsSync(path.join(root, ".workers", "search-thread.js")) || !fs.existsSync(path.join(root, ".workers", "sandbox-thread.js")) || !fs.existsSync(path.join(root, ".workers", "fast-lane.mjs"))) return false;
  const built = fs.statSync(marker).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

export function ensureBuild() {
  if (buildIsCurrent()) return;
  console.log("[indexhook] building the app (first run or sources changed)…");
  // The build reads sources from its start: stamp it with that time, so a file edited while it runs is
  // newer than the build and the next run builds again (BUILD_ID alone is written at the end).
  const startedAt = new Date();
  const workers = spawnSync(process.execPath, [path.join(root, "scripts/build-workers.mjs")], { cwd: root, stdio: "inherit" });
  if (workers.status !== 0) process.exit(workers.status ?? 1);
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.utimesSync(path.join(root, ".next", "BUILD_ID"), startedAt, startedAt);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuild();
