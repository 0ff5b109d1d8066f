CREATE TABLE "operational_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"hook_uuid" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "mode" text DEFAULT 'push' NOT NULL;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "signing" text DEFAULT 'hmac-sha256' NOT NULL;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "public_key" text;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "previous_public_key" text;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "rate_limit" integer;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "next_send_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hooks" ADD COLUMN "transformation" text;