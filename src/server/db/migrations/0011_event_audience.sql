-- Who may see each event, decided by the event catalogue (src/shared/events) when it is
-- recorded. Rows written before this migration get what can be known of the moment they were
-- recorded, and `team` whenever that cannot be told: a contact must never see the agency's desk.
ALTER TABLE "events" ADD COLUMN "audience" text;--> statement-breakpoint

-- Always the client's: the client itself, its channels and rubrics, its contacts, a shared plan.
UPDATE "events" SET "audience" = 'everyone'
WHERE "type" IN (
  'client.created', 'channel.created', 'channel.updated', 'channel.deleted',
  'rubric.created', 'rubric.updated', 'rubric.deleted',
  'contact.joined', 'contact.role_changed', 'contact.removed', 'cycle.shared'
);--> statement-breakpoint

-- A rename or a new time zone is news to the contacts; the agency's own settings are not.
UPDATE "events" SET "audience" = CASE
    WHEN jsonb_typeof("data" -> 'changes') IS DISTINCT FROM 'object' THEN 'team'
    WHEN EXISTS (
      SELECT 1 FROM jsonb_object_keys("data" -> 'changes') AS "changed"("key")
      WHERE "changed"."key" NOT IN ('name', 'timezone')
    ) THEN 'team'
    ELSE 'everyone'
  END
WHERE "type" = 'client.updated';--> statement-breakpoint

-- A change of a plan (its meeting included), once its cycle had been shared: after the cycle's
-- `cycle.shared` event, or, where there is none, after its `shared_at`.
WITH "shared" AS (
  SELECT "cycles"."id"::text AS "cycle_id", "cycles"."shared_at",
    (SELECT min("s"."id") FROM "events" AS "s"
      WHERE "s"."type" = 'cycle.shared' AND "s"."subject_id" = "cycles"."id"::text) AS "mark"
  FROM "cycles" WHERE "cycles"."shared_at" IS NOT NULL
)
UPDATE "events" AS "e" SET "audience" = 'everyone'
FROM "shared"
WHERE "shared"."cycle_id" = coalesce("e"."data" ->> 'cycleId', "e"."subject_id")
  AND CASE WHEN "shared"."mark" IS NOT NULL THEN "e"."id" > "shared"."mark"
    ELSE "e"."created_at" >= "shared"."shared_at" END
  AND "e"."type" IN (
    'cycle.stage_changed', 'cycle.deadlines_changed',
    'cadence.updated', 'cadence.applied',
    'slot.created', 'slot.updated', 'slot.deleted', 'slot.topic_placed', 'slot.topic_removed',
    'topic.created', 'topic.updated', 'topic.deleted', 'topic.parked', 'topic.pulled', 'topics.imported',
    'client_plan.created', 'client_plan.updated', 'client_plan.deleted',
    'contingency.created', 'contingency.updated', 'contingency.deleted',
    'meeting.scheduled', 'meeting.updated', 'meeting.started', 'meeting.facilitator_changed',
    'meeting.timer', 'meeting.ended', 'agenda.changed', 'meeting.question_asked',
    'meeting.question_changed', 'meeting.voted', 'meeting.reacted', 'meeting.idea_added',
    'meeting.decided', 'meeting.commented'
  );--> statement-breakpoint

-- A fact request's events once it had been sent (from its `fact_request.sent` event on, or,
-- where there is none, from its `sent_at`); while it was a draft they were the agency's.
WITH "sent" AS (
  SELECT "fact_requests"."id"::text AS "request_id", "fact_requests"."sent_at",
    (SELECT min("s"."id") FROM "events" AS "s"
      WHERE "s"."type" = 'fact_request.sent' AND "s"."subject_id" = "fact_requests"."id"::text) AS "mark"
  FROM "fact_requests" WHERE "fact_requests"."sent_at" IS NOT NULL
)
UPDATE "events" AS "e" SET "audience" = 'everyone'
FROM "sent"
WHERE "e"."subject_type" = 'fact_request' AND "sent"."request_id" = "e"."subject_id"
  AND CASE WHEN "sent"."mark" IS NOT NULL THEN "e"."id" >= "sent"."mark"
    ELSE "e"."created_at" >= "sent"."sent_at" END
  AND "e"."type" IN (
    'fact_request.sent', 'fact_request.completed', 'fact_request.reopened', 'fact_request.reminded',
    'fact_item.created', 'fact_item.updated', 'fact_item.deleted', 'fact_item.answered',
    'fact_item.accepted', 'fact_item.follow_up', 'fact_item.message', 'fact_file.added', 'fact_file.removed'
  );--> statement-breakpoint

-- A post's events from the move that first sent a version to the client (or, where that event
-- is missing, from its first frozen version) on. Its comments only where it can be told that
-- they were not internal: the comment row written with the event, or a post with no internal
-- comment at all.
WITH "first_sent" AS (
  SELECT "posts"."id"::text AS "post_id",
    (SELECT min("s"."id") FROM "events" AS "s"
      WHERE "s"."type" = 'post.status_changed' AND "s"."subject_id" = "posts"."id"::text
        AND "s"."data" ->> 'to' = 'client_review') AS "mark",
    (SELECT min("v"."created_at") FROM "post_versions" AS "v" WHERE "v"."post_id" = "posts"."id") AS "frozen_at"
  FROM "posts" WHERE "posts"."revision" > 0
)
UPDATE "events" AS "e" SET "audience" = 'everyone'
FROM "first_sent"
WHERE "e"."subject_type" = 'post' AND "first_sent"."post_id" = "e"."subject_id"
  AND CASE WHEN "first_sent"."mark" IS NOT NULL THEN "e"."id" >= "first_sent"."mark"
    ELSE "e"."created_at" >= "first_sent"."frozen_at" END
  AND (
    "e"."type" IN (
      'post.created', 'post.updated', 'post.status_changed', 'post.asset_added', 'post.asset_removed',
      'post.situational_added', 'post.contingency_activated', 'post.replaced', 'post.rewrite_logged'
    )
    OR ("e"."type" = 'post.commented' AND EXISTS (
      SELECT 1 FROM "post_comments" AS "c"
      WHERE "c"."post_id"::text = "e"."subject_id" AND "c"."created_at" = "e"."created_at"
        AND NOT "c"."internal"
    ))
    OR ("e"."type" = 'post.comment_resolved' AND NOT EXISTS (
      SELECT 1 FROM "post_comments" AS "c" WHERE "c"."post_id"::text = "e"."subject_id" AND "c"."internal"
    ))
  );--> statement-breakpoint

-- Everything else: the agency's (cycles started, drafts, invitations, settings, feeds, members…).
UPDATE "events" SET "audience" = 'team' WHERE "audience" IS NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "audience" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_audience_check" CHECK ("events"."audience" in ('team', 'everyone'));
