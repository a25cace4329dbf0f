-- listings.search_vector stops being a generated column: bulk loads (the generator's COPY) compute it outside
-- the database and COPY it, which a generated column refuses. Every other write still gets it from the database,
-- in the same statement, by the trigger below. DROP EXPRESSION keeps each existing row's value.
CREATE FUNCTION jcj_listing_search_vector(title text, description text, majors text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', jcj_search_tokens(title)), 'A')
    || setweight(to_tsvector('simple', jcj_search_tokens(description)), 'B')
    || setweight(to_tsvector('simple', jcj_search_tokens(jcj_search_join(majors))), 'C')
$$;
--> statement-breakpoint
ALTER TABLE "listings" ALTER COLUMN "search_vector" DROP EXPRESSION;
--> statement-breakpoint
CREATE FUNCTION listings_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := jcj_listing_search_vector(NEW.title, NEW.description, NEW.majors);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER listings_search_vector_insert BEFORE INSERT ON listings FOR EACH ROW EXECUTE FUNCTION listings_search_vector();
--> statement-breakpoint
CREATE TRIGGER listings_search_vector_update BEFORE UPDATE OF title, description, majors, search_vector ON listings FOR EACH ROW
  WHEN ((OLD.title, OLD.description, OLD.majors, OLD.search_vector) IS DISTINCT FROM (NEW.title, NEW.description, NEW.majors, NEW.search_vector))
  EXECUTE FUNCTION listings_search_vector();
--> statement-breakpoint
-- A stage figure's records (drill-down, export) start from that stage's changes in the period, not from every match.
CREATE INDEX "match_events_stage_idx" ON "match_events" USING btree ("to_stage","created_at") WHERE "match_events"."kind" = 'stage_change';
