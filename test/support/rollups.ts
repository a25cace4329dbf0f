import { sql } from 'drizzle-orm'
import { db } from '../../app/db.server'

const rowsOf = <T>(result: unknown) => (result as { rows?: T[] }).rows ?? (result as T[])
const lines = async (statement: ReturnType<typeof sql>) => rowsOf<{ r: string }>(await db.execute(statement)).map((x) => x.r)

/** Every rollup table's non-zero rows as sorted text lines, to compare two ways of building them. */
export async function rollupRows() {
  return {
    daily: await lines(
      sql`select concat_ws('|', day, city_code, cluster_code, type, direction, stage, bucket, measure, value) as r from metric_daily where value <> 0 order by 1`,
    ),
    orgDaily: await lines(
      sql`select concat_ws('|', day, organisation_id, city_code, value) as r from metric_org_daily where value <> 0 order by 1`,
    ),
    monthly: await lines(
      sql`select concat_ws('|', month, city_code, cluster_code, type, direction, stage, measure, value) as r from metric_monthly where value <> 0 order by 1`,
    ),
    orgMonthly: await lines(
      sql`select concat_ws('|', month, organisation_id, city_code, value) as r from metric_org_monthly where value <> 0 order by 1`,
    ),
    orgActive: await lines(sql`select concat_ws('|', organisation_id, city_code, months) as r from metric_org_active order by 1`),
  }
}

/** The rollups as the triggers build them: migration 0006's metric_refresh of every listing and match from empty tables. */
export async function rollupsThroughTriggers() {
  await db.execute(sql`truncate metric_daily, metric_org_daily, metric_monthly, metric_org_monthly, metric_org_active, metric_ledger`)
  await db.execute(sql`select metric_refresh('L', id) from listings`)
  await db.execute(sql`select metric_refresh('M', id) from matches`)
  return rollupRows()
}
