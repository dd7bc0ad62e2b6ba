CREATE TABLE "access_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Links already in inboxes keep opening, now scoped to their fact request; the 14 days of
-- no use count from their last use (or from when they were sent).
INSERT INTO "access_links" ("token_hash", "user_id", "client_id", "kind", "subject_id", "created_at", "last_used_at")
SELECT "l"."token_hash", "l"."user_id", "r"."client_id", 'facts', "l"."request_id", "l"."created_at",
  COALESCE("l"."last_used_at", "l"."created_at")
FROM "fact_request_links" AS "l"
JOIN "fact_requests" AS "r" ON "r"."id" = "l"."request_id"
WHERE "l"."expires_at" > now();--> statement-breakpoint
DROP TABLE "fact_request_links" CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_links_token_key" ON "access_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "access_links_user_idx" ON "access_links" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "access_links_subject_idx" ON "access_links" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_link_id_access_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."access_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_link_idx" ON "sessions" USING btree ("link_id");