import type { EmbeddingsSettings } from "../../contracts/embeddings";
import { integer, json, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Orama's schema format: property → type string, or a nested object of the same. */
export type OramaSchema = { [property: string]: string | OramaSchema };

export const indexes = pgTable("indexes", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  // json, not jsonb: jsonb sorts object keys, and people read their properties in the order they wrote them.
  schema: json("schema").$type<OramaSchema>().notNull(),
  /** Automatic embeddings settings; null = off. `appliedFingerprint` says which settings built the live vectors. */
  embeddings: jsonb("embeddings").$type<(EmbeddingsSettings & { appliedFingerprint?: string }) | null>(),
  /** Search analytics settings (lib/analytics): `storeTerms: false` records counts and latency but no terms. */
  analytics: jsonb("analytics").$type<{ storeTerms: boolean }>().notNull().default({ storeTerms: true }),
  /** The deployment serving search; null until the first deploy. */
  liveDeploymentId: text("live_deployment_id"),
  documentCount: integer("document_count").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The live documents of each index: what the last deploy applied. */
export const documents = pgTable(
  "documents",
  {
    indexId: text("index_id")
      .notNull()
      .references(() => indexes.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    doc: jsonb("doc").$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indexId, t.id] })],
);

export type IndexRow = typeof indexes.$inferSelect;
