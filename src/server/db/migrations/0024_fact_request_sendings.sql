CREATE TABLE "fact_request_sendings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_by_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fact_request_sendings" ADD CONSTRAINT "fact_request_sendings_request_id_fact_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fact_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_request_sendings" ADD CONSTRAINT "fact_request_sendings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_request_sendings" ADD CONSTRAINT "fact_request_sendings_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_request_sendings_request_idx" ON "fact_request_sendings" USING btree ("request_id","user_id","sent_at");