CREATE TABLE "metric_monthly" (
	"month" date NOT NULL,
	"city_code" text NOT NULL,
	"cluster_code" text NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"stage" text NOT NULL,
	"measure" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "metric_monthly_measure_month_city_code_cluster_code_type_direction_stage_pk" PRIMARY KEY("measure","month","city_code","cluster_code","type","direction","stage")
);
--> statement-breakpoint
CREATE TABLE "metric_org_monthly" (
	"month" date NOT NULL,
	"organisation_id" integer NOT NULL,
	"city_code" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "metric_org_monthly_organisation_id_month_pk" PRIMARY KEY("organisation_id","month")
);
--> statement-breakpoint
CREATE INDEX "metric_monthly_slice_idx" ON "metric_monthly" USING btree ("cluster_code","month");--> statement-breakpoint
CREATE INDEX "metric_org_monthly_month_idx" ON "metric_org_monthly" USING btree ("month","city_code","organisation_id");--> statement-breakpoint
-- The monthly rollups move with every change of the daily ones, in the same statement (so in the same
-- transaction): metric_apply is the one place rollups are written.
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
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE metric_daily, metric_org_daily, metric_monthly, metric_org_monthly, metric_ledger;
  PERFORM metric_refresh('L', id) FROM listings;
  PERFORM metric_refresh('M', id) FROM matches;
  RETURN NULL;
END
$$;
--> statement-breakpoint
INSERT INTO metric_monthly (month, city_code, cluster_code, type, direction, stage, measure, value)
  SELECT date_trunc('month', day)::date, city_code, cluster_code, type, direction, stage, measure, sum(value)
  FROM metric_daily WHERE measure <> 'dwell' GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO metric_org_monthly (month, organisation_id, city_code, value)
  SELECT date_trunc('month', day)::date, organisation_id, (array_agg(city_code ORDER BY day DESC))[1], sum(value)
  FROM metric_org_daily GROUP BY 1, 2;
