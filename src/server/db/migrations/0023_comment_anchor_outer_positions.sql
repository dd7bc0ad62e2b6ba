ALTER TABLE "post_comments" ADD COLUMN "anchor_before" text;--> statement-breakpoint
ALTER TABLE "post_comments" ADD COLUMN "anchor_after" text;--> statement-breakpoint
ALTER TABLE "post_comments" ADD COLUMN "anchor_following" text;