import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// A production build on a fresh DATA_DIR (scripts/e2e-server.mjs wipes it) — or, with TEST_DATABASE_URL, on a
// fresh database on that Postgres server — in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "indexhook-e2e");
/**
 * The specs the dark project runs: the contrast walk over every page, and the phone, tasks/overview and
 * hooks walk-throughs; E2E_DARK_ALL=1 runs every spec in dark (docs/browsers.md).
 */
const DARK_SPECS = process.env.E2E_DARK_ALL ? /\.spec\.ts$/ : /\/(dark|phone|tasks|hooks)\.spec\.ts$/;
export const E2E_MASTER_KEY = "e2e-master-key-0123456789abcdef";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  outputDir: "test-results/e2e-artifacts",
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: /dark\.spec\.ts/, use: { storageState: "e2e/.auth/admin.json" } },
    // One pass in dark mode (issue 16), of the walk-throughs that cover most pages plus the contrast check
    // of every main page — not the whole suite twice (docs/browsers.md says why and what it covers).
    {
      name: "dark",
      dependencies: ["setup"],
      testMatch: DARK_SPECS,
      use: { storageState: "e2e/.auth/admin.json", colorScheme: "dark" },
    },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM (not Playwright's default SIGKILL) so the server script can drop its Postgres database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      INDEXHOOK_MASTER_KEY: E2E_MASTER_KEY,
      NEXT_TELEMETRY_DISABLED: "1",
      // Loopback receivers started by specs (the registration policy's decision webhook) may be called.
      ALLOWED_IP_NETWORKS: "127.0.0.1/32",
    },
  },
});
