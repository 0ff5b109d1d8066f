import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside React Server Components; tests run lib code in plain Node.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
