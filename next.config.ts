import type { NextConfig } from "next";

// Security headers on every answer (lib/http/security-headers.ts: the search fast lane sends the same).
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory: bundling it breaks that.
  // quickjs-emscripten (hook transformations) loads its .wasm beside its own files the same way.
  serverExternalPackages: ["@electric-sql/pglite", "@orama/orama", "bcryptjs", "quickjs-emscripten", "quickjs-emscripten-core", "@jitl/quickjs-wasmfile-release-sync", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
