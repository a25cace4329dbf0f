import { and, count, desc, eq, exists, gt, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { listingClusters, listingSearchPinyin, listings, organisations } from '../db/schema'
import { regionByCode, regionOfCity } from '../db/reference'
import { listingDocumentColumns, toListingDocument } from './documents'
import { POST, PRE, correctedOrPlain, emptyFacets, markHighlights, withoutHighlightMarkers } from './listing-search'
import { withDiversity } from './diversity'
import { queryTerms, tolerantTerms, type QueryTerm } from './query-terms'
import { bigramTokens, hasHan } from './text'
import { shownFields, type FacetCounts, type ListingHit, type ListingSearchParams, type ListingSearchResult } from './types'

/**
 * The search page's answer when Meilisearch is down or still building: Postgres full-text search
 * over character bigrams (listings.search_vector, migrations 0005 and 0020: title A, description B, majors C),
 * the same synonyms and English names as the engine, the pinyin the indexer wrote (listing_search_pinyin,
 * migration 0019), the same filters and facet counts.
 * Every word must match somewhere (its text, its organisation's name, its cluster or an English
 * name); when none do, words are dropped from the end, as Meilisearch's `last` strategy does.
 */

const searchVector = sql`"listings"."search_vector"`
const organisationVector = sql`to_tsvector('simple', jcj_search_tokens(${organisations.name}))`
/** ts_rank weights for D, C, B, A: title counts most, then description, then majors. */
const WEIGHTS = sql.raw(`'{0.1, 0.3, 0.5, 1.0}'::float4[]`)

function termCondition(db: Executor, term: QueryTerm): SQL {
  const inCluster = (codes: string[]) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(listingClusters)
        .where(and(eq(listingClusters.listingId, listings.id), inArray(listingClusters.clusterCode, codes))),
    )
  const conditions: SQL[] = []
  if (term.tsquery) {
    const query = sql`to_tsquery('simple', ${term.tsquery})`
    conditions.push(sql`${searchVector} @@ ${query}`, sql`${organisationVector} @@ ${query}`)
  }
  if (term.pinyin)
    conditions.push(
      inArray(
        listings.id,
        db
          .select({ id: listingSearchPinyin.listingId })
          .from(listingSearchPinyin)
          .where(sql`${listingSearchPinyin.terms} @@ to_tsquery('simple', ${term.pinyin})`),
      ),
    )
  if (term.clusters.length) conditions.push(inCluster(term.clusters))
  if (term.types.length) conditions.push(inArray(listings.type, term.types))
  if (term.cities.length) conditions.push(inArray(listings.cityCode, term.cities))
  if (term.orgKinds.length) conditions.push(inArray(organisations.kind, term.orgKinds))
  return conditions.length ? or(...conditions)! : sql`false`
}

/** Every word must match, or with `anyWord` one of them (the rank then puts listings with more of them first). */
function matchConditions(db: Executor, params: ListingSearchParams, terms: QueryTerm[]): SQL[] {
  const each = terms.map((t) => termCondition(db, t))
  return params.anyWord && each.length ? [or(...each)!] : each
}

type FacetKey = keyof FacetCounts

function filterConditions(db: Executor, params: ListingSearchParams, without?: FacetKey): SQL[] {
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
  if (without !== 'majors' && params.majors.length)
    conditions.push(
      sql`${listings.majors} && ${sql`array[${sql.join(
        params.majors.map((m) => sql`${m}`),
        sql`, `,
      )}]::text[]`}`,
    )
  if (without !== 'organisationId' && params.orgs.length) conditions.push(inArray(listings.organisationId, params.orgs.map(Number)))
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
  // Whole seconds, as the index stores publishedAt, so both engines draw the line in the same place.
  const publishedSecond = sql`floor(extract(epoch from ${listings.publishedAt}))`
  if (params.publishedAfter !== undefined) conditions.push(sql`${publishedSecond} > ${params.publishedAfter}`)
  if (params.publishedUntil !== undefined) conditions.push(sql`${publishedSecond} <= ${params.publishedUntil}`)
  if (params.phase === 'upcoming') conditions.push(gt(listings.startsOn, today))
  if (params.phase === 'ongoing') conditions.push(and(lte(listings.startsOn, today), gte(listings.endsOn, today))!)
  return conditions
}

async function facetCounts(db: Executor, params: ListingSearchParams, terms: QueryTerm[]): Promise<FacetCounts> {
  const grouped = async (facet: FacetKey, column: SQL) => {
    const where = and(...filterConditions(db, params, facet), ...matchConditions(db, params, terms))
    const base = db
      .select({ value: sql<string>`${column}`, n: count() })
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    const rows =
      facet === 'clusters'
        ? await base
            .innerJoin(listingClusters, eq(listingClusters.listingId, listings.id))
            .where(where)
            .groupBy(sql`1`)
        : await base.where(where).groupBy(sql`1`)
    return Object.fromEntries(rows.map((r) => [String(r.value), Number(r.n)]))
  }
  const [clusters, type, city, citiesForRegions, organisationKind, direction, majors, organisationId] = await Promise.all([
    grouped('clusters', sql`${listingClusters.clusterCode}`),
    grouped('type', sql`${listings.type}`),
    grouped('city', sql`${listings.cityCode}`),
    grouped('region', sql`${listings.cityCode}`),
    grouped('organisationKind', sql`${organisations.kind}`),
    grouped('direction', sql`${listings.direction}`),
    grouped('majors', sql`unnest(${listings.majors})`),
    grouped('organisationId', sql`${listings.organisationId}`),
  ])
  const region: Record<string, number> = {}
  for (const [cityCode, n] of Object.entries(citiesForRegions)) {
    const code = regionOfCity.get(cityCode)?.code
    if (code) region[code] = (region[code] ?? 0) + n
  }
  return { clusters, type, city, region, organisationKind, direction, majors, organisationId }
}

/** Matches in the listing's own text first; matches only by organisation, cluster or English name after. */
function rankOf(terms: QueryTerm[]): SQL | null {
  const text = terms.map((t) => t.tsquery).filter(Boolean)
  if (!text.length) return null
  const any = sql`to_tsquery('simple', ${text.map((t) => `(${t})`).join(' | ')})`
  // A listing whose own text has every word beats one that repeats a common word (技术) many times.
  const every = sql`to_tsquery('simple', ${text.map((t) => `(${t})`).join(' & ')})`
  // Part of a word still says something: a query for the cluster 节能环保 ranks a listing that says 节能
  // above one that only sits in the cluster (ties among those fall to recency, decoys included).
  const parts = [...new Set(terms.flatMap((t) => t.spellings.flatMap((s) => bigramTokens(s).filter(hasHan))))]
  const partial = parts.length ? sql` + 0.2 * ts_rank(${WEIGHTS}, ${searchVector}, to_tsquery('simple', ${parts.join(' | ')}))` : sql``
  const textRank = sql`ts_rank(${WEIGHTS}, ${searchVector}, ${any}) + ts_rank(${WEIGHTS}, ${searchVector}, ${every}) + 0.05 * ts_rank(${organisationVector}, ${any})${partial}`
  const pinyin = terms.map((t) => t.pinyin).filter(Boolean)
  if (!pinyin.length) return sql<number>`${textRank}`
  // Spelt in pinyin, a listing matches by its title, organisation or cluster names: ranked as its title would be.
  const pinyinRank = sql`coalesce((select ts_rank(p.terms, to_tsquery('simple', ${pinyin.join(' | ')}))
    from ${listingSearchPinyin} p where p.listing_id = ${listings.id}), 0)`
  return sql<number>`${textRank} + ${pinyinRank}`
}

function relevance(terms: QueryTerm[]): SQL[] {
  const rank = rankOf(terms)
  return rank ? [desc(rank), desc(listings.publishedAt)] : [desc(listings.publishedAt)]
}

const ORDER = {
  relevance,
  newest: () => [desc(listings.publishedAt)],
  closing: () => [listings.endsOn],
  capacity: () => [desc(listings.capacity)],
}

/** Wraps occurrences of the query's words (and the synonyms that matched) in the markers Meilisearch uses. */
function highlight(raw: string, terms: QueryTerm[]) {
  const text = withoutHighlightMarkers(raw)
  const words = terms.flatMap((t) => t.spellings).filter((w) => w.length > 1 || /[\u4e00-\u9fff]/.test(w))
  if (words.length === 0) return markHighlights(text)
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi')
  return markHighlights(text.replace(pattern, `${PRE}$1${POST}`))
}

/**
 * Meilisearch's `last` strategy: every listing with the first word, those with the first two words above
 * those with only the first, and so on (its `words` ranking rule). How many words after the first a listing
 * has, counted as a prefix of the query: 1 + 3 without 2 counts as 1 alone, as Meilisearch counts it.
 */
function wordsMatched(db: Executor, params: ListingSearchParams, terms: QueryTerm[]): SQL {
  const each = matchConditions(db, params, terms)
  const prefixes = each.slice(1).map((_, k) => sql`(case when ${and(...each.slice(0, k + 2))} then 1 else 0 end)`)
  return prefixes.length ? sql.join(prefixes, sql` + `) : sql`0`
}

async function searchWith(
  db: Executor,
  params: ListingSearchParams,
  terms: QueryTerm[],
  { fewerWords = false } = {},
): Promise<ListingSearchResult> {
  const started = performance.now()
  // Dropping words from the end, the first word stays required and the others rank.
  const required = fewerWords ? terms.slice(0, 1) : terms
  const where = and(...filterConditions(db, params), ...matchConditions(db, params, required))
  const rank = params.sort === 'relevance' ? rankOf(terms) : null
  const words = fewerWords && terms.length > 1 ? wordsMatched(db, params, terms) : null
  const order = ORDER[params.sort](terms)
  const [rows, [{ total }], facets] = await Promise.all([
    db
      .select({
        ...listingDocumentColumns,
        rank: rank ? sql<number>`${rank}` : sql<number>`0`,
        words: words ? sql<number>`${words}` : sql<number>`0`,
      })
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
      .where(where)
      .orderBy(...(words && params.sort === 'relevance' ? [desc(words), ...order] : order))
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
    db.select({ total: count() }).from(listings).innerJoin(organisations, eq(organisations.id, listings.organisationId)).where(where),
    params.anyWord ? emptyFacets() : facetCounts(db, params, required),
  ])
  // Scores between 0 and 1 like Meilisearch's: the window's best match is 1; with words dropped, each
  // word matched counts as much as the best rank, so a listing with fewer words never scores above one with more.
  const best = Math.max(...rows.map((r) => Number(r.rank)), 0)
  const score = (row: (typeof rows)[number]) =>
    words ? (Number(row.words) + (best > 0 ? Number(row.rank) / best : 0)) / terms.length : Number(row.rank) / best
  const hits: ListingHit[] = rows.map((row) => {
    const doc = toListingDocument(row, { pinyin: false })
    return {
      ...shownFields(doc),
      consumer: doc.consumer,
      ...(rank && best > 0 ? { score: score(row) } : {}),
      highlightedTitle: highlight(row.title, terms),
      snippet: highlight(row.description.length > 120 ? `${row.description.slice(0, 120)}…` : row.description, terms),
    }
  })
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

/** The same order as the engine (correctedOrPlain); `last` first tolerates one typo per word, then drops words from the end as Meilisearch does. */
export function searchListingsInPostgres(db: Executor, params: ListingSearchParams): Promise<ListingSearchResult> {
  return withDiversity((asked) =>
    asked.anyWord
      ? searchWith(db, asked, queryTerms(asked.q))
      : correctedOrPlain(asked.q, async (q, strategy) => {
          let terms = queryTerms(q)
          let result = await searchWith(db, asked, terms)
          const tolerant = strategy === 'last' && result.total === 0 ? tolerantTerms(terms) : null
          if (tolerant) {
            terms = tolerant
            result = await searchWith(db, asked, terms)
          }
          if (strategy !== 'last' || result.total > 0) return result
          // Words dropped from the end as Meilisearch cuts them, lone characters their own words (太费电 → 太 费电).
          const words = queryTerms(q, { wordByWord: true })
          const loose = tolerantTerms(words) ?? words
          return loose.length > 1 || JSON.stringify(loose) !== JSON.stringify(terms)
            ? searchWith(db, asked, loose, { fewerWords: true })
            : result
        }),
  )(params)
}
