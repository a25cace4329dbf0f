import { and, count, desc, eq, exists, gt, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import { db, listingClusters, listings, organisations } from '~/db.server'
import { clusterByCode, regionByCode, regionOfCity } from '../../../db/reference'
import { listingDocumentColumns, toListingDocument } from '../../../search/documents'
import { markHighlights } from '../../../search/listing-search'
import { searchSynonyms } from '../../../search/settings'
import type { FacetCounts, ListingHit, ListingSearchParams, ListingSearchResult } from '../../../search/types'

/**
 * The search page's answer when Meilisearch is down or still building: the same filters and
 * facet counts from Postgres, with plain substring matching (less precise: no typo tolerance
 * or relevance ranking beyond "title matches first").
 */

const synonyms = searchSynonyms()
const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Words of the query, each widened to its synonyms and to the clusters whose keywords it names. */
function termConditions(q: string): SQL[] {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 8)
  return terms.map((term) => {
    const variants = [term, ...(synonyms[term] ?? [])]
    const clusterCodes = [...clusterByCode.values()]
      .filter((c) => variants.some((v) => c.name.includes(v) || c.short.includes(v) || c.keywords.includes(v)))
      .map((c) => c.code)
    const textMatches = variants.flatMap((v) => {
      const pattern = `%${escapeLike(v)}%`
      return [ilike(listings.title, pattern), ilike(listings.description, pattern), ilike(organisations.name, pattern)]
    })
    const clusterMatch = clusterCodes.length
      ? [
          exists(
            db
              .select({ one: sql`1` })
              .from(listingClusters)
              .where(and(eq(listingClusters.listingId, listings.id), inArray(listingClusters.clusterCode, clusterCodes))),
          ),
        ]
      : []
    return or(...textMatches, ...clusterMatch)!
  })
}

type FacetKey = keyof FacetCounts

function filterConditions(params: ListingSearchParams, without?: FacetKey): SQL[] {
  const conditions: SQL[] = [eq(listings.status, 'published')]
  if (without !== 'clusters' && params.clusters.length)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(listingClusters)
          .where(and(eq(listingClusters.listingId, listings.id), inArray(listingClusters.clusterCode, params.clusters))),
      ),
    )
  if (without !== 'type' && params.types.length) conditions.push(inArray(listings.type, params.types))
  if (without !== 'city' && params.cities.length) conditions.push(inArray(listings.cityCode, params.cities))
  if (without !== 'organisationKind' && params.orgKinds.length) conditions.push(inArray(organisations.kind, params.orgKinds))
  if (without !== 'direction' && params.directions.length) conditions.push(inArray(listings.direction, params.directions))
  if (without !== 'region' && params.regions.length)
    conditions.push(
      inArray(
        listings.cityCode,
        params.regions.flatMap((r) => regionByCode.get(r)?.cities ?? []),
      ),
    )
  if (params.verifiedOnly) conditions.push(eq(organisations.verification, 'verified'))
  const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)
  const today = isoDay(params.today ?? Math.floor(Date.now() / 86_400_000))
  if (params.from !== undefined) conditions.push(gte(listings.endsOn, isoDay(params.from)))
  if (params.to !== undefined) conditions.push(lte(listings.startsOn, isoDay(params.to)))
  if (params.phase === 'upcoming') conditions.push(gt(listings.startsOn, today))
  if (params.phase === 'ongoing') conditions.push(and(lte(listings.startsOn, today), gte(listings.endsOn, today))!)
  return [...conditions, ...termConditions(params.q)]
}

async function facetCounts(params: ListingSearchParams): Promise<FacetCounts> {
  const grouped = async (facet: FacetKey, column: SQL | typeof listings.type) => {
    const base = db
      .select({ value: sql<string>`${column}`, n: count() })
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    const rows =
      facet === 'clusters'
        ? await base
            .innerJoin(listingClusters, eq(listingClusters.listingId, listings.id))
            .where(and(...filterConditions(params, facet)))
            .groupBy(sql`1`)
        : await base.where(and(...filterConditions(params, facet))).groupBy(sql`1`)
    return Object.fromEntries(rows.map((r) => [r.value, Number(r.n)]))
  }
  const [clusters, type, city, citiesForRegions, organisationKind, direction] = await Promise.all([
    grouped('clusters', sql`${listingClusters.clusterCode}`),
    grouped('type', sql`${listings.type}`),
    grouped('city', sql`${listings.cityCode}`),
    grouped('region', sql`${listings.cityCode}`),
    grouped('organisationKind', sql`${organisations.kind}`),
    grouped('direction', sql`${listings.direction}`),
  ])
  const region: Record<string, number> = {}
  for (const [cityCode, n] of Object.entries(citiesForRegions)) {
    const code = regionOfCity.get(cityCode)?.code
    if (code) region[code] = (region[code] ?? 0) + n
  }
  return { clusters, type, city, region, organisationKind, direction }
}

const ORDER = {
  relevance: (q: string) =>
    q
      ? [desc(sql`${listings.title} ilike ${`%${escapeLike(q.split(/\s+/)[0]!)}%`}`), desc(listings.publishedAt)]
      : [desc(listings.publishedAt)],
  newest: () => [desc(listings.publishedAt)],
  closing: () => [listings.endsOn],
  capacity: () => [desc(listings.capacity)],
}

/** Wraps occurrences of the query's words in the same markers Meilisearch uses. */
function highlight(text: string, q: string) {
  const words = q
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => [w, ...(synonyms[w] ?? [])])
  if (words.length === 0) return markHighlights(text)
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi')
  return markHighlights(text.replace(pattern, '\uE000$1\uE001'))
}

export async function searchListingsInPostgres(params: ListingSearchParams): Promise<ListingSearchResult> {
  const started = performance.now()
  const where = and(...filterConditions(params))
  const [rows, [{ total }], facets] = await Promise.all([
    db
      .select(listingDocumentColumns)
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
      .where(where)
      .orderBy(...ORDER[params.sort](params.q))
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
    db.select({ total: count() }).from(listings).innerJoin(organisations, eq(organisations.id, listings.organisationId)).where(where),
    facetCounts(params),
  ])
  const hits: ListingHit[] = rows.map((row) => ({
    ...toListingDocument(row),
    highlightedTitle: highlight(row.title, params.q),
    snippet: highlight(row.description.length > 120 ? `${row.description.slice(0, 120)}…` : row.description, params.q),
  }))
  return {
    hits,
    total: Number(total),
    facets,
    page: params.page,
    totalPages: Math.ceil(Number(total) / params.perPage),
    processingTimeMs: Math.round(performance.now() - started),
    engine: 'postgres',
  }
}
