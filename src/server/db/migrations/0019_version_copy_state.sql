ALTER TABLE "post_versions" ADD COLUMN "copy_state" "bytea";--> statement-breakpoint
-- A contact sees a post only as the versions sent to them: the agency's edits of a post (its
-- fields and files) and its internal moves (to internal review, and from it back to draft) are
-- the team's. Events recorded before this rule get the audience it gives them.
UPDATE "events" SET "audience" = 'team'
WHERE "subject_type" = 'post' AND "audience" = 'everyone' AND (
  "type" IN ('post.updated', 'post.asset_added', 'post.asset_removed')
  OR ("type" = 'post.status_changed' AND (
    "data"->>'to' = 'internal_review'
    OR ("data"->>'from' = 'internal_review' AND "data"->>'to' = 'draft')
  ))
);
--> statement-breakpoint
-- A move the client was told of names the status the client knew before it: the `to` of the
-- post's previous move for everyone, never the agency's internal review (or the draft it went
-- back to inside the agency).
UPDATE "events" AS "e" SET "data" = jsonb_set("e"."data", '{from}', to_jsonb(COALESCE((
  SELECT "p"."data"->>'to' FROM "events" AS "p"
  WHERE "p"."subject_type" = 'post' AND "p"."subject_id" = "e"."subject_id"
    AND "p"."type" = 'post.status_changed' AND "p"."audience" = 'everyone' AND "p"."id" < "e"."id"
  ORDER BY "p"."id" DESC LIMIT 1
), "e"."data"->>'from')))
WHERE "e"."subject_type" = 'post' AND "e"."type" = 'post.status_changed' AND "e"."audience" = 'everyone'
  AND "e"."data"->>'from' IN ('draft', 'internal_review');
