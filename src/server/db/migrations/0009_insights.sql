CREATE TABLE "insight_cache" (
	"client_id" uuid NOT NULL,
	"month" text NOT NULL,
	"fingerprint" text NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_cache_client_id_month_pk" PRIMARY KEY("client_id","month")
);
--> statement-breakpoint
CREATE TABLE "insight_history" (
	"client_id" uuid NOT NULL,
	"month" text NOT NULL,
	"posts_planned" integer NOT NULL,
	"posts_published" integer NOT NULL,
	"posts_approved" integer NOT NULL,
	"approved_first_round" integer NOT NULL,
	"revision_rounds" integer NOT NULL,
	"situational" integer DEFAULT 0 NOT NULL,
	"replacements" integer DEFAULT 0 NOT NULL,
	"rewrites" integer DEFAULT 0 NOT NULL,
	"imported_by_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_history_client_id_month_pk" PRIMARY KEY("client_id","month")
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "co_creation_since" text;--> statement-breakpoint
ALTER TABLE "insight_cache" ADD CONSTRAINT "insight_cache_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_history" ADD CONSTRAINT "insight_history_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_history" ADD CONSTRAINT "insight_history_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;