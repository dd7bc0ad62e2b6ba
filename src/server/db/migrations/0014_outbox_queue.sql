CREATE TABLE "link_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"ip" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "deliver_text" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "deliver_html" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_queued_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'queued';--> statement-breakpoint
-- Emails kept before this migration held their live links in the text owners read. Those not
-- yet sent wait for the delivery worker with their real text in deliver_* (a server without
-- SMTP marks them not_configured and clears it); every row's readable copy is redacted.
UPDATE "outbox" SET "status" = 'queued', "deliver_text" = "text", "deliver_html" = "html"
WHERE "status" = 'kept';--> statement-breakpoint
UPDATE "outbox" SET
  "text" = regexp_replace(regexp_replace("text", '/(invite|reset-password|magic|facts/open|open)/[A-Za-z0-9_-]+', '/\1/••••••', 'g'), '([/=])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])', '\1••••••', 'g'),
  "html" = regexp_replace(regexp_replace("html", '/(invite|reset-password|magic|facts/open|open)/[A-Za-z0-9_-]+', '/\1/••••••', 'g'), '([/=])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])', '\1••••••', 'g');
