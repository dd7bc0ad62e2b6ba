CREATE TABLE "post_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"round" integer NOT NULL,
	"body" text NOT NULL,
	"anchor_kind" text,
	"anchor_start" text,
	"anchor_end" text,
	"quote" text,
	"asset_id" uuid,
	"author_id" uuid,
	"author_name" text,
	"side" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"round" integer NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"side" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"round" integer NOT NULL,
	"copy_text" text NOT NULL,
	"copy_doc" jsonb NOT NULL,
	"visual_brief" text NOT NULL,
	"hashtags" text[] NOT NULL,
	"link" text NOT NULL,
	"first_comment" text NOT NULL,
	"assets" jsonb NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"sent_by_id" uuid,
	"sent_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"topic_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"copy_text" text DEFAULT '' NOT NULL,
	"visual_brief" text DEFAULT '' NOT NULL,
	"hashtags" text[] DEFAULT '{}'::text[] NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"first_comment" text DEFAULT '' NOT NULL,
	"approved_revision" integer,
	"approved_round" integer,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"approved_by_name" text,
	"published_url" text,
	"published_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unplanned_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"requester_side" text NOT NULL,
	"requester_name" text NOT NULL,
	"reason" text NOT NULL,
	"post_id" uuid,
	"slot_id" uuid,
	"old_topic_id" uuid,
	"new_topic_id" uuid,
	"contingency_id" uuid,
	"covered" boolean DEFAULT false NOT NULL,
	"detected" boolean DEFAULT false NOT NULL,
	"happened_on" text NOT NULL,
	"logged_by_id" uuid,
	"logged_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "post_internal_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" text DEFAULT 'instant' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_sent_on" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "post_assets" ADD CONSTRAINT "post_assets_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_assets" ADD CONSTRAINT "post_assets_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comments" ADD CONSTRAINT "post_comments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comments" ADD CONSTRAINT "post_comments_asset_id_post_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."post_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comments" ADD CONSTRAINT "post_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_status_changes" ADD CONSTRAINT "post_status_changes_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_status_changes" ADD CONSTRAINT "post_status_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_versions" ADD CONSTRAINT "post_versions_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_versions" ADD CONSTRAINT "post_versions_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_old_topic_id_topics_id_fk" FOREIGN KEY ("old_topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_new_topic_id_topics_id_fk" FOREIGN KEY ("new_topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_contingency_id_contingencies_id_fk" FOREIGN KEY ("contingency_id") REFERENCES "public"."contingencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_changes" ADD CONSTRAINT "unplanned_changes_logged_by_id_users_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_assets_post_idx" ON "post_assets" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "post_assets_key" ON "post_assets" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "post_comments_post_idx" ON "post_comments" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "post_status_changes_post_idx" ON "post_status_changes" USING btree ("post_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_versions_key" ON "post_versions" USING btree ("post_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_slot_key" ON "posts" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "posts_cycle_idx" ON "posts" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "unplanned_changes_cycle_idx" ON "unplanned_changes" USING btree ("cycle_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "unplanned_changes_detected_key" ON "unplanned_changes" USING btree ("post_id","happened_on") WHERE "unplanned_changes"."detected" and "unplanned_changes"."kind" = 'same_day_rewrite';