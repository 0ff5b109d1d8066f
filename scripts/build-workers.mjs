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
  // The search fast lane of the production server (scripts/server.mjs), beside Next in the same process.
  // ESM keeps the entry's import order (compiled threads first). Packages load from node_modules at run
  // time, as Next's server does; process-wide state (database, search pool, key cache, metrics) is shared
  // with Next's handlers through globalThis, so one PGlite and one search pool serve both.
  await build({
    entryPoints: { "fast-lane": path.join(root, "lib/http/fast-lane-entry.ts") },
    outdir: path.join(root, ".workers"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    plugins: [serverOnly],
  });
}

// `import "server-only"` throws outside a React Server bundle: in this server bundle it is a no-op.
const serverOnly = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorkers();
