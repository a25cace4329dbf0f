CREATE TABLE "listing_search_pinyin" (
	"listing_id" integer PRIMARY KEY NOT NULL,
	"terms" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listing_search_pinyin" ADD CONSTRAINT "listing_search_pinyin_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_search_pinyin_terms_idx" ON "listing_search_pinyin" USING gin ("terms");