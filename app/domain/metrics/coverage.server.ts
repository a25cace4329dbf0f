import { sql } from 'drizzle-orm'
import { PLATFORM_KINDS, type PlatformKind } from '~/db.server'
import { regionOfCity, taxonomy } from '../../../db/reference'
import { assertScope, regionsOf, type GovQuery } from './gov-query.server'
import { platformUnion } from './sources.server'
import { num, query } from './sql.server'

export type CoverageColumn = { kind: 'region' | 'city'; code: string }
export type CoverageCell = Record<PlatformKind, number>

const empty = (): CoverageCell => Object.fromEntries(PLATFORM_KINDS.map((k) => [k, 0])) as CoverageCell

/**
 * The 1331 plan's coverage of the 14 clusters: per cluster × regional group (× city inside a region or
 * city scope), how many 协同创新中心, 产业技术研究院, 产业学院 and joint labs exist at the period's end.
 */
export async function getCoverage(q: GovQuery) {
  const cities = assertScope(q.actor, q.scope)
  const columns: CoverageColumn[] =
    q.scope.type === 'province'
      ? regionsOf(cities).map((g) => ({ kind: 'region', code: g.code }))
      : cities.map((c) => ({ kind: 'city', code: c }))
  const rows = await query<Record<string, unknown>>(sql`
    select u.kind, c.cluster_code, u.city_code, count(*)::int as n
    from ${platformUnion(cities, q.period.to)} u cross join unnest(u.clusters) c(cluster_code)
    group by 1, 2, 3`)
  const clusters = taxonomy.clusters.filter((c) => !q.filters.cluster || c.code === q.filters.cluster)
  const matrix = clusters.map((cluster) => {
    const cells = columns.map((col) => {
      const cell = empty()
      for (const r of rows) {
        if (r.cluster_code !== cluster.code) continue
        const city = String(r.city_code)
        if (col.kind === 'city' ? city !== col.code : regionOfCity.get(city)?.code !== col.code) continue
        cell[r.kind as PlatformKind] += num(r.n)
      }
      return cell
    })
    const total = empty()
    for (const cell of cells) for (const k of PLATFORM_KINDS) total[k] += cell[k]
    return { cluster: cluster.code, cells, total }
  })
  const covered = Object.fromEntries(PLATFORM_KINDS.map((k) => [k, matrix.filter((m) => m.total[k] > 0).length])) as CoverageCell
  return { columns, kinds: PLATFORM_KINDS, matrix, covered, clusterCount: clusters.length }
}

export type Coverage = Awaited<ReturnType<typeof getCoverage>>
