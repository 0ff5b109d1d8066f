CREATE TABLE "search_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"index_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"term" text,
	"hits" integer NOT NULL,
	"latency_ms" real NOT NULL,
	"weight" real DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indexes" ADD COLUMN "analytics" jsonb DEFAULT '{"storeTerms":true}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "search_events_index_at" ON "search_events" USING btree ("index_id","at");--> statement-breakpoint
CREATE INDEX "search_events_at" ON "search_events" USING btree ("at");