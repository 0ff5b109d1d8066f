CREATE TABLE "change_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"index_id" text NOT NULL,
	"deployment_id" text NOT NULL,
	"type" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"updates" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_artifacts" (
	"deployment_id" text NOT NULL,
	"kind" text NOT NULL,
	"chunk" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "deployment_artifacts_deployment_id_kind_chunk_pk" PRIMARY KEY("deployment_id","kind","chunk")
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"index_id" text NOT NULL,
	"version" integer NOT NULL,
	"task_uid" bigint NOT NULL,
	"kind" text NOT NULL,
	"rollback_of" text,
	"status" text NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"upserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"document_count" integer DEFAULT 0 NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "deployment_artifacts" ADD CONSTRAINT "deployment_artifacts_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_index_id_indexes_id_fk" FOREIGN KEY ("index_id") REFERENCES "public"."indexes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_events_deployment_idx" ON "change_events" USING btree ("deployment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_index_version" ON "deployments" USING btree ("index_id","version");