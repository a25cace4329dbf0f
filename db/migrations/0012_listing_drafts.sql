ALTER TABLE "listings" ALTER COLUMN "city_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ALTER COLUMN "capacity" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ALTER COLUMN "starts_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ALTER COLUMN "ends_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_complete_unless_draft" CHECK ("listings"."status" = 'draft' or ("listings"."city_code" is not null and "listings"."capacity" is not null and "listings"."starts_on" is not null and "listings"."ends_on" is not null));