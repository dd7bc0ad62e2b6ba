CREATE TABLE "fact_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"follow_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"offset_days" integer NOT NULL,
	"items" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_request_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "fact_reminders" jsonb DEFAULT '{"before":[2],"after":[1,3]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "answer" jsonb;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "answered_by" uuid;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "draft_by" uuid;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "draft_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fact_items" ADD COLUMN "answer_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "fact_requests" ADD COLUMN "first_answer_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fact_files" ADD CONSTRAINT "fact_files_item_id_fact_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."fact_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_files" ADD CONSTRAINT "fact_files_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_files" ADD CONSTRAINT "fact_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_messages" ADD CONSTRAINT "fact_messages_item_id_fact_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."fact_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_messages" ADD CONSTRAINT "fact_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_reminders" ADD CONSTRAINT "fact_reminders_request_id_fact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_request_links" ADD CONSTRAINT "fact_request_links_request_id_fact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_request_links" ADD CONSTRAINT "fact_request_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_files_item_idx" ON "fact_files" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fact_files_key" ON "fact_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "fact_messages_item_idx" ON "fact_messages" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fact_reminders_key" ON "fact_reminders" USING btree ("request_id","due_on","offset_days");--> statement-breakpoint
CREATE INDEX "fact_request_links_request_idx" ON "fact_request_links" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_draft_by_users_id_fk" FOREIGN KEY ("draft_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;