// Bundles the worker-thread entries (search engine, hook transformation sandbox) into .workers/*.js for the production server
// (Next bundles the app, but a worker entry is a separate program it cannot see).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildWorkers() {
  await build({
    // Named outputs: flat .workers/<entry>.js whatever folder the source sits in.
    entryPoints: {
      "build-thread": path.join(root, "lib/search/engine/build-thread.ts"),
      "search-thread": path.join(root, "lib/search/engine/search-thread.ts"),
      "sandbox-thread": path.join(root, "lib/delivery/sandbox-thread.ts"),
    },
    outdir: path.join(root, ".workers"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    // QuickJS loads its .wasm from its own package directory: required from node_modules at run time.
    external: ["quickjs-emscripten", "quickjs-emscripten-core", "@jitl/*"],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorkers();
