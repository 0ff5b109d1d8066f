import { bigserial, index, integer, pgTable, real, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Searches recorded for analytics (lib/analytics): one row per recorded search, written in batches by
 * the search process's flush. `weight` is how many searches the row stands for (1, or more when the
 * buffer was full and the batch was sampled); counts are sums of weights. `term` is null when the
 * index does not store terms (`analytics.storeTerms: false`) or the search had none. No foreign key:
 * a batch never fails because an index was deleted meanwhile; the retention loop removes orphans.
 * Bounded by ANALYTICS_RETENTION_DAYS and ANALYTICS_MAX_ROWS (lib/analytics/retention.ts).
 */
export const searchEvents = pgTable(
  "search_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indexId: text("index_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    term: text("term"),
    hits: integer("hits").notNull(),
    latencyMs: real("latency_ms").notNull(),
    weight: real("weight").notNull().default(1),
  },
  (t) => [index("search_events_index_at").on(t.indexId, t.at), index("search_events_at").on(t.at)],
);

export type SearchEventRow = typeof searchEvents.$inferSelect;
