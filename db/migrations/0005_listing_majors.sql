ALTER TABLE "listings" ADD COLUMN "majors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The Postgres fallback's full-text index (search/postgres-search.ts). Chinese has no spaces, so the
-- text is cut into character bigrams (a lone character stays a unigram) plus lower-cased Latin words;
-- queries are cut the same way in search/text.ts. Generated, so every write path keeps it current.
CREATE FUNCTION jcj_search_tokens(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(token, ' '), '') FROM (
    SELECT m[1] AS token FROM regexp_matches(lower(coalesce(t, '')), '[a-z0-9]+', 'g') AS m
    UNION ALL
    SELECT substr(r.run, i, 2)
    FROM (SELECT m[1] AS run FROM regexp_matches(coalesce(t, ''), '[一-鿿]+', 'g') AS m) r,
      generate_series(1, greatest(char_length(r.run) - 1, 1)) AS i
  ) tokens
$$;
--> statement-breakpoint
CREATE FUNCTION jcj_search_join(items text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_string(items, ' '), '')
$$;
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', jcj_search_tokens(title)), 'A')
  || setweight(to_tsvector('simple', jcj_search_tokens(description)), 'B')
  || setweight(to_tsvector('simple', jcj_search_tokens(jcj_search_join(majors))), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "listings_search_vector_idx" ON "listings" USING gin ("search_vector");
