import type { NextConfig } from "next";

// Sent with every answer, pages and API alike. The dashboard is never framed (clickjacking: no other
// site can overlay its buttons), no response is MIME-sniffed, and links out of the dashboard carry at
// most our origin, never a URL with an index or hook id in it.
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory: bundling it breaks that.
  // quickjs-emscripten (hook transformations) loads its .wasm beside its own files the same way.
  serverExternalPackages: ["@electric-sql/pglite", "@orama/orama", "bcryptjs", "quickjs-emscripten", "quickjs-emscripten-core", "@jitl/quickjs-wasmfile-release-sync", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
