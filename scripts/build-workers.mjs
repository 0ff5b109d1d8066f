// Bundles the search engine's worker-thread entries into .workers/*.js for the production server
// (Next bundles the app, but a worker entry is a separate program it cannot see).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildWorkers() {
  await build({
    entryPoints: ["build-thread", "search-thread"].map((n) => path.join(root, "lib/search/engine", `${n}.ts`)),
    outdir: path.join(root, ".workers"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorkers();
