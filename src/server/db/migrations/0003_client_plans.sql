CREATE TABLE "client_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" text,
	"ends_on" text,
	"likelihood" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contingencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"concept" text NOT NULL,
	"trigger" text DEFAULT '' NOT NULL,
	"channel_id" uuid,
	"format" text,
	"author_id" uuid,
	"author_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_plans" ADD CONSTRAINT "client_plans_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_plans" ADD CONSTRAINT "client_plans_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingencies" ADD CONSTRAINT "contingencies_plan_id_client_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."client_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingencies" ADD CONSTRAINT "contingencies_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingencies" ADD CONSTRAINT "contingencies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_plans_cycle_idx" ON "client_plans" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "contingencies_plan_idx" ON "contingencies" USING btree ("plan_id");