import { and, count, eq, exists, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { organisationClusters, organisations } from '../db/schema'
import { loadOrganisationDocuments } from './documents'
import { markHighlights } from './listing-search'
import type { OrganisationSearchParams, OrganisationSearchResult } from './organisation-search'

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The organisation search when Meilisearch is down: name and description substrings, same filters. */
export async function searchOrganisationsInPostgres(db: Executor, params: OrganisationSearchParams): Promise<OrganisationSearchResult> {
  const conditions: SQL[] = [ne(organisations.kind, 'government')]
  for (const term of params.q.split(/\s+/).filter(Boolean).slice(0, 8))
    conditions.push(or(ilike(organisations.name, `%${escapeLike(term)}%`), ilike(organisations.description, `%${escapeLike(term)}%`))!)
  if (params.kinds.length) conditions.push(inArray(organisations.kind, params.kinds))
  if (params.cities.length) conditions.push(inArray(organisations.cityCode, params.cities))
  if (params.clusters.length)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(organisationClusters)
          .where(
            and(eq(organisationClusters.organisationId, organisations.id), inArray(organisationClusters.clusterCode, params.clusters)),
          ),
      ),
    )
  if (params.verifiedOnly) conditions.push(eq(organisations.verification, 'verified'))
  const where = and(...conditions)
  const [rows, [{ total }], kinds, cities] = await Promise.all([
    db
      .select({ id: organisations.id })
      .from(organisations)
      .where(where)
      .orderBy(organisations.name)
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
    db.select({ total: count() }).from(organisations).where(where),
    db.select({ value: organisations.kind, n: count() }).from(organisations).where(where).groupBy(organisations.kind),
    db.select({ value: organisations.cityCode, n: count() }).from(organisations).where(where).groupBy(organisations.cityCode),
  ])
  const documents = await loadOrganisationDocuments(
    db,
    rows.map((r) => r.id),
  )
  const byId = new Map(documents.map((d) => [d.id, d]))
  return {
    hits: rows.map((r) => byId.get(r.id)!).map((d) => ({ ...d, highlightedName: markHighlights(d.name) })),
    total: Number(total),
    totalPages: Math.ceil(Number(total) / params.perPage),
    facets: {
      kind: Object.fromEntries(kinds.map((k) => [k.value, Number(k.n)])),
      city: Object.fromEntries(cities.map((c) => [c.value, Number(c.n)])),
      clusters: {},
    },
    engine: 'postgres',
  }
}
