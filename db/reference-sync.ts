import { sql } from 'drizzle-orm'
import type { Executor } from './client'
import { cities, clusters, cooperationTypes, orgKinds, policyIndicators, regionGroups } from './schema'
import { regionOfCity, taxonomy } from './reference/taxonomy'

/** Upserts the taxonomy into the reference tables. Idempotent: runs after every migrate. */
export async function syncReferenceData(db: Executor) {
  await db.transaction(async (tx) => {
    await tx
      .insert(regionGroups)
      .values(taxonomy.regions.groups.map((g) => ({ code: g.code, name: g.name, olderName: g.older_name })))
      .onConflictDoUpdate({ target: regionGroups.code, set: { name: sql`excluded.name`, olderName: sql`excluded.older_name` } })
    await tx
      .insert(cities)
      .values(
        taxonomy.regions.cities.map((c) => ({
          code: c.code,
          name: c.name,
          lat: c.lat,
          lng: c.lng,
          regionCode: regionOfCity.get(c.code)!.code,
        })),
      )
      .onConflictDoUpdate({
        target: cities.code,
        set: { name: sql`excluded.name`, lat: sql`excluded.lat`, lng: sql`excluded.lng`, regionCode: sql`excluded.region_code` },
      })
    await tx
      .insert(clusters)
      .values(taxonomy.clusters.map((c, position) => ({ ...c, position })))
      .onConflictDoUpdate({
        target: clusters.code,
        set: {
          name: sql`excluded.name`,
          short: sql`excluded.short`,
          en: sql`excluded.en`,
          keywords: sql`excluded.keywords`,
          position: sql`excluded.position`,
        },
      })
    await tx
      .insert(cooperationTypes)
      .values(taxonomy.cooperation_types.map((t, position) => ({ code: t.code, name: t.name, en: t.en, position })))
      .onConflictDoUpdate({
        target: cooperationTypes.code,
        set: { name: sql`excluded.name`, en: sql`excluded.en`, position: sql`excluded.position` },
      })
    await tx
      .insert(orgKinds)
      .values(taxonomy.org_kinds.map((k, position) => ({ code: k.code, name: k.name, position })))
      .onConflictDoUpdate({ target: orgKinds.code, set: { name: sql`excluded.name`, position: sql`excluded.position` } })
    await tx
      .insert(policyIndicators)
      .values(
        taxonomy.policy_indicators.map((i) => ({
          code: i.code,
          rule: i.rule,
          threshold: i.threshold,
          appliesTo: i.applies_to,
          source: i.source,
        })),
      )
      .onConflictDoUpdate({
        target: policyIndicators.code,
        set: {
          rule: sql`excluded.rule`,
          threshold: sql`excluded.threshold`,
          appliesTo: sql`excluded.applies_to`,
          source: sql`excluded.source`,
        },
      })
  })
}
