import { jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** API keys: only the SHA-256 of the secret and a short visible start are stored. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    /** "public" (search only, safe in a browser) or "private". */
    kind: text("kind", { enum: ["public", "private"] }).notNull(),
    hash: text("hash").notNull(),
    start: text("start").notNull(),
    actions: jsonb("actions").$type<string[]>().notNull(),
    indexes: jsonb("indexes").$type<string[]>().notNull(),
    /** Browser origins a public key may search from (empty = any); see lib/http/cors.ts. */
    allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default([]),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.hash)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
