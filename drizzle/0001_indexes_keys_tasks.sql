CREATE SEQUENCE "public"."commit_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "documents" (
	"index_id" text NOT NULL,
	"id" text NOT NULL,
	"doc" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_index_id_id_pk" PRIMARY KEY("index_id","id")
);
--> statement-breakpoint
CREATE TABLE "indexes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"schema" jsonb NOT NULL,
	"embeddings" jsonb,
	"live_deployment_id" text,
	"document_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"uid" bigserial PRIMARY KEY NOT NULL,
	"batch_uid" bigint,
	"index_uid" text NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"canceled_by" bigint,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" jsonb,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"commit_seq" bigint,
	"idempotency_key" text,
	"request_hash" text,
	"created_by" text,
	"heartbeat_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pending_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"index_id" text NOT NULL,
	"task_uid" bigint NOT NULL,
	"op" text NOT NULL,
	"doc_id" text,
	"doc" jsonb
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"start" text NOT NULL,
	"actions" jsonb NOT NULL,
	"indexes" jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_index_id_indexes_id_fk" FOREIGN KEY ("index_id") REFERENCES "public"."indexes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_changes" ADD CONSTRAINT "pending_changes_index_id_indexes_id_fk" FOREIGN KEY ("index_id") REFERENCES "public"."indexes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_changes" ADD CONSTRAINT "pending_changes_task_uid_tasks_uid_fk" FOREIGN KEY ("task_uid") REFERENCES "public"."tasks"("uid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_index_status_idx" ON "tasks" USING btree ("index_uid","status");--> statement-breakpoint
CREATE INDEX "tasks_status_idx" ON "tasks" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_idempotency_key" ON "tasks" USING btree ("index_uid","idempotency_key") WHERE "tasks"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "pending_changes_index_idx" ON "pending_changes" USING btree ("index_id","task_uid");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("hash");