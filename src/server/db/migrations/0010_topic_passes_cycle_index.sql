-- The index was first added by editing 0009 after it had been applied (688ce4f). 0009 is
-- back as it was first committed; databases that ran the edited one already have the index.
CREATE INDEX IF NOT EXISTS "topic_passes_cycle_idx" ON "topic_passes" USING btree ("cycle_id");