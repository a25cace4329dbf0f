import type { Meilisearch, SearchParams, SearchResponse } from 'meilisearch'
import {
  HIT_FIELDS,
  type FacetCounts,
  type ListingDocument,
  type ListingHit,
  type ListingSearchParams,
  type ListingSearchResult,
} from './types'
import { withDiversity } from './diversity'
import { correctTypos, englishInChinese, soundsLike, spelledInHanzi } from './vocabulary'
import { POST, PRE, hasHan, withoutHighlightMarkers } from './text'

export { POST, PRE, withoutHighlightMarkers }

const FACETS = ['clusters', 'type', 'city', 'region', 'organisationKind', 'direction', 'majors', 'organisationId'] as const
type Facet = (typeof FACETS)[number]

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Adjacent matches (碳化 + 硅, as the segmenter cut 碳化硅) become one mark. */
export const markHighlights = (text: string) =>
  escapeHtml(text.replaceAll(POST + PRE, ''))
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>')

/** Values are JSON-quoted, so nothing a user sends can change the filter's structure. */
function anyOf(attribute: string, values: string[]) {
  return values.length ? `${attribute} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]` : undefined
}

function filtersFor(params: ListingSearchParams, without?: Facet) {
  const selected: Record<Facet, string[]> = {
    clusters: params.clusters,
    type: params.types,
    city: params.cities,
    organisationKind: params.orgKinds,
    direction: params.directions,
    region: params.regions,
    majors: params.majors,
    organisationId: params.orgs,
  }
  const filters = FACETS.filter((f) => f !== without)
    .map((f) => anyOf(f, selected[f]))
    .filter((f): f is string => f !== undefined)
  if (params.verifiedOnly) filters.push('organisationVerified = true')
  if (params.from !== undefined) filters.push(`endsOn >= ${params.from}`)
  if (params.to !== undefined) filters.push(`startsOn <= ${params.to}`)
  if (params.publishedAfter !== undefined) filters.push(`publishedAt > ${params.publishedAfter}`)
  if (params.publishedUntil !== undefined) filters.push(`publishedAt <= ${params.publishedUntil}`)
  const today = params.today ?? Math.floor(Date.now() / 86_400_000)
  if (params.phase === 'upcoming') filters.push(`startsOn > ${today}`)
  if (params.phase === 'ongoing') filters.push(`startsOn <= ${today} AND endsOn >= ${today}`)
  return filters
}

const SORTS: Record<ListingSearchParams['sort'], string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  closing: ['endsOn:asc'],
  capacity: ['capacity:desc'],
}

export function emptyFacets(): FacetCounts {
  return { clusters: {}, type: {}, city: {}, region: {}, organisationKind: {}, direction: {}, majors: {}, organisationId: {} }
}

/**
 * One round trip: the main query plus, for each facet with a selection, the same query
 * without that facet's own filter, so its counts show what choosing another value would give.
 */
/**
 * Every word must match first, so a listing that has only some of them (太阳能热水器 for 太阳能电站 运维)
 * does not fill the page. When that finds few: a homophone typo (碳化归) is corrected (碳化硅) and the
 * corrected query shown; when it finds nothing, Meilisearch's `last` strategy drops words from the end.
 * Measured on the tuning half of the quality set (test/search-quality/results.md).
 */
export function searchListingIndex(client: Meilisearch, indexUid: string, params: ListingSearchParams): Promise<ListingSearchResult> {
  return withDiversity((asked) =>
    asked.anyWord
      ? searchOnce(client, indexUid, asked, 'last')
      : correctedOrPlain(asked.q, (q, strategy) => searchOnce(client, indexUid, { ...asked, q }, strategy)),
  )(params)
}

/**
 * The order both engines follow. A sure correction (a platform term: 碳化归 also matches 碳化 … 归属
 * somewhere, but 碳化硅 is meant) is taken at once; any other only when the query as typed finds few.
 * Still few: the query as it sounds (点运标注 → dianyun biaozhu), matched against the pinyin of the
 * listing's words, which finds a homophone typo of a word no dictionary knows (点云), even one only the
 * description says; then pinyin spelt as the platform word it stands for (laonianhuli → 老年护理, ddb → 订单班), which
 * brings that word's synonyms along.
 * Nothing at all: words are dropped from the end.
 */
export async function correctedOrPlain(
  q: string,
  search: (q: string, strategy: MatchingStrategy) => Promise<ListingSearchResult>,
): Promise<ListingSearchResult> {
  q = withoutFillers(q)
  const correction = q ? correctTypos(q) : null
  if (correction?.sure) {
    const corrected = await search(correction.query, 'all')
    if (corrected.total > 0) return { ...corrected, correctedQuery: correction.query }
  }
  let best = await search(q, 'all')
  // A query all in pinyin (fajiao, ditie) is matched by the pinyin of the listing's words (title,
  // description, majors, organisation and cluster names); spelt in Chinese it also finds its synonyms.
  // An English one (coking wastewater) likewise: only when few listings carry it in their English
  // reference names (coal, internship Taiyuan find their cluster, type and city as typed). Some strings
  // read both ways (tie, men): the rendering that finds more is kept.
  const hanzi = q && !hasHan(q) ? spelledInHanzi(q, { every: true }) : null
  const english = q ? englishInChinese(q) : null
  for (const rendering of [hanzi, english]) {
    if (!rendering || (rendering === english && best.total >= FEW_RESULTS)) continue
    const spelt = await search(rendering, 'all')
    if (spelt.total > best.total) best = spelt
  }
  if (best.total >= FEW_RESULTS || !q) return best
  if (correction && !correction.sure) {
    const corrected = await search(correction.query, 'all')
    if (corrected.total > best.total) best = { ...corrected, correctedQuery: correction.query }
  }
  for (const respelt of [soundsLike(best.correctedQuery ?? q, best.total === 0), hanzi ? null : spelledInHanzi(q)]) {
    if (!respelt || best.total >= FEW_RESULTS) continue
    const again = await search(respelt, 'all')
    if (again.total > best.total) best = again
  }
  if (best.total > 0) return best
  // Every word of an English query rarely matches one listing; its Chinese rendering drops words first.
  if (english) {
    const loose = await search(english, 'last')
    if (loose.total > 0) return loose
  }
  return search(q, 'last')
}

/**
 * 专业 after a name (护理专业, 大数据技术专业) says "the major", which the majors field already is; as a
 * required word it would keep only listings that happen to write 专业 (专业群 and a lone 专业 stay).
 */
export const withoutFillers = (q: string) => q.replace(/(?<=[\u4e00-\u9fff]{2})专业(?![\u4e00-\u9fff])/g, '').trim()

/** Fewer hits than this and a corrected query is tried. */
const FEW_RESULTS = 3

export type MatchingStrategy = 'last' | 'all' | 'frequency'

async function searchOnce(
  client: Meilisearch,
  indexUid: string,
  params: ListingSearchParams,
  matchingStrategy: MatchingStrategy,
): Promise<ListingSearchResult> {
  const base: SearchParams & { indexUid: string } = {
    indexUid,
    q: params.q,
    matchingStrategy,
    filter: filtersFor(params),
    sort: SORTS[params.sort],
    page: params.page,
    hitsPerPage: params.perPage,
    // Similar listings show no facets; counting them over a long any-word query would only cost.
    facets: params.anyWord ? [] : [...FACETS],
    // The snippet comes cropped in _formatted; only uncropped (similar listings) is the description itself needed.
    attributesToRetrieve: params.anyWord ? [...HIT_FIELDS, 'description'] : [...HIT_FIELDS, 'consumer'],
    // Similar listings show plain titles: no highlighting or cropping to compute.
    ...(params.anyWord ? {} : { attributesToHighlight: ['title', 'description'], attributesToCrop: ['description'], cropLength: 48 }),
    highlightPreTag: PRE,
    highlightPostTag: POST,
    showRankingScore: params.sort === 'relevance',
  }
  const activeFacets = params.anyWord ? [] : FACETS.filter((f) => filtersFor(params, f).length < filtersFor(params).length)
  const { results } = await client.multiSearch({
    queries: [
      base,
      ...activeFacets.map((facet) => ({
        indexUid,
        q: params.q,
        matchingStrategy,
        filter: filtersFor(params, facet),
        facets: [facet],
        hitsPerPage: 0,
      })),
    ],
  })
  const main = results[0] as unknown as SearchResponse<ListingDocument>
  const facets = emptyFacets()
  for (const facet of FACETS) facets[facet] = main.facetDistribution?.[facet] ?? {}
  activeFacets.forEach((facet, i) => {
    facets[facet] = results[i + 1]?.facetDistribution?.[facet] ?? {}
  })
  const hits: ListingHit[] = main.hits.map((hit) => {
    const { _formatted, _rankingScore, description, ...doc } = hit as typeof hit & {
      _formatted?: Record<string, string>
      _rankingScore?: number
    }
    return {
      ...doc,
      ...(_rankingScore === undefined ? {} : { score: _rankingScore }),
      highlightedTitle: markHighlights(_formatted?.title ?? withoutHighlightMarkers(doc.title)),
      snippet: markHighlights(_formatted?.description ?? withoutHighlightMarkers(description ?? '')),
    }
  })
  const total = main.totalHits ?? hits.length
  return {
    hits,
    total,
    facets,
    page: params.page,
    totalPages: main.totalPages ?? Math.ceil(total / params.perPage),
    processingTimeMs: main.processingTimeMs,
    engine: 'meilisearch',
  }
}

export function unavailableResult(params: ListingSearchParams): ListingSearchResult {
  return { hits: [], total: 0, facets: emptyFacets(), page: params.page, totalPages: 0, processingTimeMs: 0, unavailable: true }
}
