ALTER TABLE "login_attempts" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "link_copied_by" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_link_copied_by_users_id_fk" FOREIGN KEY ("link_copied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;