DROP INDEX "rubrics_client_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_client_name_key" ON "rubrics" USING btree ("client_id",lower("name"));