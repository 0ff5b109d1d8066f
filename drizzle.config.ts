import { defineConfig } from "drizzle-kit";

// Migrations are generated from lib/db/schema and applied at start-up on PGlite and Postgres alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
});
