CREATE INDEX "listings_org_live_idx" ON "listings" USING btree ("organisation_id","type","direction","published_at" DESC NULLS LAST) WHERE "listings"."status" = 'published';--> statement-breakpoint
CREATE INDEX "matches_initiator_stage_idx" ON "matches" USING btree ("initiator_organisation_id","stage","type");--> statement-breakpoint
CREATE INDEX "matches_partner_stage_idx" ON "matches" USING btree ("partner_organisation_id","stage","type");
