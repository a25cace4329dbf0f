ALTER TABLE "listing_clusters" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "listing_clusters" ADD COLUMN "direction" text;--> statement-breakpoint
ALTER TABLE "listing_clusters" ADD COLUMN "status" text;--> statement-breakpoint
-- The rollups care about which listing and cluster a row links, not the copied columns: refresh only when those change.
DROP TRIGGER metric_listing_clusters_update ON listing_clusters;
--> statement-breakpoint
CREATE TRIGGER metric_listing_clusters_update AFTER UPDATE ON listing_clusters FOR EACH ROW
  WHEN ((OLD.listing_id, OLD.cluster_code) IS DISTINCT FROM (NEW.listing_id, NEW.cluster_code))
  EXECUTE FUNCTION metric_on_listing_cluster();
--> statement-breakpoint
UPDATE "listing_clusters" lc SET "type" = l."type", "direction" = l."direction", "status" = l."status" FROM "listings" l WHERE l."id" = lc."listing_id";
--> statement-breakpoint
CREATE INDEX "listing_clusters_live_idx" ON "listing_clusters" USING btree ("cluster_code","type","direction","listing_id" DESC NULLS LAST) WHERE "listing_clusters"."status" = 'published';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION listing_clusters_copy_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT l.type, l.direction, l.status INTO NEW.type, NEW.direction, NEW.status FROM listings l WHERE l.id = NEW.listing_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER listing_clusters_copy_listing BEFORE INSERT OR UPDATE OF listing_id ON listing_clusters FOR EACH ROW EXECUTE FUNCTION listing_clusters_copy_listing();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION listings_copy_to_clusters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE listing_clusters SET type = NEW.type, direction = NEW.direction, status = NEW.status WHERE listing_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER listings_copy_to_clusters AFTER UPDATE OF type, direction, status ON listings FOR EACH ROW
  WHEN ((OLD.type, OLD.direction, OLD.status) IS DISTINCT FROM (NEW.type, NEW.direction, NEW.status))
  EXECUTE FUNCTION listings_copy_to_clusters();
