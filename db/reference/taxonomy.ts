import taxonomyJson from './taxonomy.json' with { type: 'json' }

export type Cluster = { code: string; name: string; short: string; en: string; keywords: string[] }
export type City = { code: string; name: string; en: string; lat: number; lng: number }
export type RegionGroup = { code: string; name: string; en: string; older_name: string; cities: string[] }
export type CooperationType = { code: string; name: string; en: string; source: string; typical_fields: string[] }
export type OrgKind = { code: string; name: string; en: string; attributes: string[]; note?: string }
export type PolicyIndicator = { code: string; rule: string; threshold: number; applies_to: string; source: string }

export type Taxonomy = {
  clusters: Cluster[]
  regions: { groups: RegionGroup[]; cities: City[] }
  cooperation_types: CooperationType[]
  org_kinds: OrgKind[]
  policy_indicators: PolicyIndicator[]
}

/** The repository's own copy of shared/domain/taxonomy.json: the single source of reference facts. */
export const taxonomy = taxonomyJson as unknown as Taxonomy

export const clusterByCode = new Map(taxonomy.clusters.map((c) => [c.code, c]))
export const cityByCode = new Map(taxonomy.regions.cities.map((c) => [c.code, c]))
export const regionByCode = new Map(taxonomy.regions.groups.map((g) => [g.code, g]))
export const regionOfCity = new Map(taxonomy.regions.groups.flatMap((g) => g.cities.map((c) => [c, g] as const)))
export const cooperationTypeByCode = new Map(taxonomy.cooperation_types.map((t) => [t.code, t]))
export const orgKindByCode = new Map(taxonomy.org_kinds.map((k) => [k.code, k]))

export function indicatorThreshold(code: string): number {
  const indicator = taxonomy.policy_indicators.find((i) => i.code === code)
  if (!indicator) throw new Error(`Unknown policy indicator ${code}`)
  return indicator.threshold
}
