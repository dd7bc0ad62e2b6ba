CREATE TABLE "fact_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"topic_id" uuid,
	"question" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"choices" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"due_on" text,
	"contact_id" uuid,
	"source" text NOT NULL,
	"question_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"position" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rubric_id" uuid NOT NULL,
	"question" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"choices" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"position" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_request_id_fact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_contact_id_users_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_items" ADD CONSTRAINT "fact_items_question_id_meeting_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."meeting_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_requests" ADD CONSTRAINT "fact_requests_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_requests" ADD CONSTRAINT "fact_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_templates" ADD CONSTRAINT "fact_templates_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_items_request_idx" ON "fact_items" USING btree ("request_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "fact_requests_cycle_key" ON "fact_requests" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "fact_templates_rubric_idx" ON "fact_templates" USING btree ("rubric_id","position");