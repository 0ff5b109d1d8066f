// `npm start`: build when needed, then serve the dashboard, API and worker on PORT (3000) with the
// production server (scripts/server.mjs: Next plus the search fast lane, keepAliveTimeout 65 s).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
ensureBuild();
const port = process.env.PORT || "3000";
// server-preload.mjs: the socket's address for the first-run setup's "is this machine?" (lib/http/peer.ts).
const child = spawn(process.execPath, ["--import", path.join(root, "scripts/server-preload.mjs"), path.join(root, "scripts/server.mjs"), "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
