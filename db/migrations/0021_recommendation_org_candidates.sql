CREATE INDEX "organisation_clusters_cluster_idx" ON "organisation_clusters" USING btree ("cluster_code","organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_city_kind_idx" ON "organisations" USING btree ("city_code","kind",("verification" = 'verified'),"id");--> statement-breakpoint
CREATE INDEX "matches_counterpart_listing_idx" ON "matches" USING btree ("counterpart_listing_id");
