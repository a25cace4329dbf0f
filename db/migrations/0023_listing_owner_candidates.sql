CREATE INDEX "listings_org_live_idx" ON "listings" USING btree ("organisation_id","type","direction","published_at" DESC NULLS LAST) WHERE "listings"."status" = 'published';
