import { sql } from 'drizzle-orm'
import type { Database } from '../client'
import { platforms, type PlatformKind } from '../schema'
import { clusterByCode, taxonomy } from '../reference'

/** Which clusters get a demo platform of each kind, leaving gaps the coverage matrix should show. */
const PLAN: { kind: PlatformKind; hosts: string[]; clusters: number; suffix: string }[] = [
  { kind: 'innovation_centre', hosts: ['undergrad'], clusters: 10, suffix: '协同创新中心（示例）' },
  { kind: 'industry_institute', hosts: ['research_institute', 'undergrad'], clusters: 8, suffix: '产业技术研究院（示例）' },
  { kind: 'industry_college', hosts: ['vocational_higher', 'vocational_undergrad'], clusters: 6, suffix: '产业学院（示例）' },
  { kind: 'joint_lab', hosts: ['undergrad', 'vocational_higher'], clusters: 5, suffix: '联合实验室（示例）' },
]

/**
 * Demo 协同创新中心, 产业技术研究院, 产业学院 and joint labs hosted by institutions that work in the
 * cluster. Names say 示例: the platform makes no claim that these exist. Deterministic.
 */
export async function seedPlatforms(db: Database, today: Date) {
  const rows = (await db.execute(sql`
    select o.id, o.kind, o.name, o.city_code, oc.cluster_code from organisations o join organisation_clusters oc on oc.organisation_id = o.id
    where o.kind <> 'enterprise' and o.kind <> 'government' order by oc.cluster_code, o.id`)) as unknown
  const hosts = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
    id: number
    kind: string
    name: string
    city_code: string
    cluster_code: string
  }[]
  const values: (typeof platforms.$inferInsert)[] = []
  PLAN.forEach((plan, p) => {
    taxonomy.clusters.forEach((cluster, i) => {
      if ((i * 5 + p * 3) % taxonomy.clusters.length >= plan.clusters) return
      const candidates = hosts.filter((h) => h.cluster_code === cluster.code && plan.hosts.includes(h.kind))
      const host = candidates[(i + p) % Math.max(1, candidates.length)]
      if (!host) return
      const established = new Date(today.getTime() - (200 + ((i * 97 + p * 211) % 1400)) * 86_400_000)
      values.push({
        kind: plan.kind,
        name: `${host.name}${clusterByCode.get(cluster.code)!.short}${plan.suffix}`,
        hostOrganisationId: host.id,
        cityCode: host.city_code,
        clusterCodes: [cluster.code],
        establishedOn: established.toISOString().slice(0, 10),
      })
    })
  })
  if (values.length) await db.insert(platforms).values(values)
  return values.length
}
