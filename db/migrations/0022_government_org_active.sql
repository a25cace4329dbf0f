CREATE TABLE "metric_org_active" (
	"organisation_id" integer NOT NULL,
	"city_code" text NOT NULL,
	"months" integer[] NOT NULL,
	CONSTRAINT "metric_org_active_organisation_id_city_code_pk" PRIMARY KEY("organisation_id","city_code")
);
--> statement-breakpoint
-- A month as one integer (year × 12 + month − 1): metric_org_active keeps them, the overview asks `months && …`.
CREATE OR REPLACE FUNCTION metric_month_index(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_apply(p_rows jsonb, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH r AS (
    SELECT * FROM jsonb_to_recordset(p_rows) r(day date, city_code text, cluster_code text, type text, direction text, stage text, bucket integer, measure text, organisation_id integer, value bigint)
  ), d AS (
    INSERT INTO metric_daily AS d (day, city_code, cluster_code, type, direction, stage, bucket, measure, value)
      SELECT r.day, r.city_code, r.cluster_code, r.type, r.direction, r.stage, r.bucket, r.measure, p_sign * sum(r.value)
      FROM r WHERE r.measure <> 'active' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (measure, day, city_code, cluster_code, type, direction, stage, bucket) DO UPDATE SET value = d.value + excluded.value
  ), o AS (
    INSERT INTO metric_org_daily AS d (day, organisation_id, city_code, value)
      SELECT r.day, r.organisation_id, r.city_code, p_sign * sum(r.value) FROM r WHERE r.measure = 'active' GROUP BY 1, 2, 3
    ON CONFLICT (organisation_id, day) DO UPDATE SET value = d.value + excluded.value, city_code = excluded.city_code
  ), m AS (
    INSERT INTO metric_monthly AS d (month, city_code, cluster_code, type, direction, stage, measure, value)
      SELECT date_trunc('month', r.day)::date, r.city_code, r.cluster_code, r.type, r.direction, r.stage, r.measure, p_sign * sum(r.value)
      FROM r WHERE r.measure NOT IN ('active', 'dwell') GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (measure, month, city_code, cluster_code, type, direction, stage) DO UPDATE SET value = d.value + excluded.value
  )
  INSERT INTO metric_org_monthly AS d (month, organisation_id, city_code, value)
    SELECT date_trunc('month', r.day)::date, r.organisation_id, r.city_code, p_sign * sum(r.value) FROM r WHERE r.measure = 'active' GROUP BY 1, 2, 3
  ON CONFLICT (organisation_id, month) DO UPDATE SET value = d.value + excluded.value, city_code = excluded.city_code;
  -- The active months of the organisations touched, read back from metric_org_monthly as it is now: one writer per
  -- organisation at a time (in id order), so each statement below sees every month the writers before it committed.
  PERFORM pg_advisory_xact_lock(2022, t.organisation_id) FROM (SELECT DISTINCT organisation_id FROM jsonb_to_recordset(p_rows) r(measure text, organisation_id integer)
    WHERE measure = 'active' ORDER BY 1) t;
  DELETE FROM metric_org_active a USING (SELECT DISTINCT organisation_id FROM jsonb_to_recordset(p_rows) r(measure text, organisation_id integer)
    WHERE measure = 'active') t WHERE a.organisation_id = t.organisation_id;
  INSERT INTO metric_org_active (organisation_id, city_code, months)
    SELECT m.organisation_id, m.city_code, array_agg(metric_month_index(m.month) ORDER BY m.month) FROM metric_org_monthly m
    WHERE m.value > 0 AND m.organisation_id IN (SELECT organisation_id FROM jsonb_to_recordset(p_rows) r(measure text, organisation_id integer) WHERE measure = 'active')
    GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE metric_daily, metric_org_daily, metric_monthly, metric_org_monthly, metric_org_active, metric_ledger;
  PERFORM metric_refresh('L', id) FROM listings;
  PERFORM metric_refresh('M', id) FROM matches;
  RETURN NULL;
END
$$;
--> statement-breakpoint
INSERT INTO metric_org_active (organisation_id, city_code, months)
  SELECT organisation_id, city_code, array_agg(metric_month_index(month) ORDER BY month) FROM metric_org_monthly WHERE value > 0 GROUP BY 1, 2;
