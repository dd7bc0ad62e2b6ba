ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
-- Accounts made before this rule count as verified from their creation: nothing tells an
-- invited account from one whose owner proved the mailbox, and locking every person out of
-- their next agency would punish them all for what one sender might have done.
UPDATE "users" SET "email_verified_at" = "created_at";
