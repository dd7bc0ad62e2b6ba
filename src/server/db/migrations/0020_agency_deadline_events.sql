-- Deadline changes recorded before this carry every stage's deadline, the agency's own stages
-- (preparation, content, running) among them: those are the agency's internal marks, so such
-- rows go back to the team. Newer rows name only the stages that changed, split by side.
UPDATE "events" SET "audience" = 'team'
WHERE "type" = 'cycle.deadlines_changed'
  AND "audience" = 'everyone'
  AND jsonb_typeof("data"->'deadlines') = 'object'
  AND EXISTS (
    SELECT 1 FROM jsonb_object_keys("data"->'deadlines') AS k (stage)
    WHERE k.stage IN ('preparation', 'content', 'running')
  );
