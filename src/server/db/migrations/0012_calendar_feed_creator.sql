ALTER TABLE "calendar_feeds" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Feeds made before: their maker is the actor of the `calendar_feed.created` event recorded in
-- the same transaction (same client, same now()), when that person still exists; null otherwise.
UPDATE "calendar_feeds" SET "created_by_id" = "made"."actor_id"
FROM (
  SELECT DISTINCT ON ("events"."client_id", "events"."created_at")
    "events"."client_id", "events"."created_at", "events"."actor_id"
  FROM "events"
  JOIN "users" ON "users"."id" = "events"."actor_id"
  WHERE "events"."type" = 'calendar_feed.created'
  ORDER BY "events"."client_id", "events"."created_at", "events"."id"
) AS "made"
WHERE "made"."client_id" = "calendar_feeds"."client_id"
  AND "made"."created_at" = "calendar_feeds"."created_at";
