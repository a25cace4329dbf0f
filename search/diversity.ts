import type { ListingHit, ListingSearchParams, ListingSearchResult } from './types'

/** At most this many listings of one organisation among the first results before others get their turn. */
export const PER_ORGANISATION = 3

/**
 * Reorders a window of ranked hits so no organisation fills it: each organisation's hits beyond
 * the first few move behind everyone else's (in their original order), so nothing is lost and pages
 * cut from the window neither repeat nor skip a listing. After one enterprise imports 50 posts,
 * the first page still shows the others.
 */
export function diversify<T extends Pick<ListingHit, 'organisationId'>>(hits: T[], perOrganisation = PER_ORGANISATION): T[] {
  const seen = new Map<number, number>()
  const first: T[] = []
  const later: T[] = []
  for (const hit of hits) {
    const n = (seen.get(hit.organisationId) ?? 0) + 1
    seen.set(hit.organisationId, n)
    ;(n <= perOrganisation ? first : later).push(hit)
  }
  return later.length ? [...first, ...diversify(later, perOrganisation)] : first
}

/**
 * For each organisation shown on a page: how many more of its listings the whole result has,
 * from the result's per-organisation counts. Shown as "该机构还有 N 条" with a link to the organisation filter.
 */
export function moreFromOrganisations(page: Pick<ListingHit, 'organisationId'>[], counts: Record<string, number>): Record<number, number> {
  const shown = new Map<number, number>()
  for (const hit of page) shown.set(hit.organisationId, (shown.get(hit.organisationId) ?? 0) + 1)
  const more: Record<number, number> = {}
  for (const [id, n] of shown) {
    const rest = (counts[String(id)] ?? n) - n
    if (rest > 0 && n >= PER_ORGANISATION) more[id] = rest
  }
  return more
}

/**
 * A shop or household service (search/consumer-trade.ts) that matches worse than some trade listing
 * leaves the first pages: when the trade's own listings are fewer than a page, a 超市价签标注 post would
 * otherwise fill the rest of 数据标注's page. One that matches better than every trade listing (奶茶店 for
 * 奶茶店实习), or as well (an English query matched by cluster and type names alone), stays, behind the
 * trade listings within CONSUMER_PENALTY of it.
 */
export function withoutOutranked<T extends Pick<ListingHit, 'score' | 'consumer'>>(hits: T[]): T[] {
  const trade = hits.filter((h) => !h.consumer).map((h) => h.score ?? 0)
  if (!trade.length || hits.some((h) => h.score === undefined)) return hits
  const bestTrade = Math.max(...trade)
  return hits.filter((h) => !h.consumer || h.score! >= bestTrade)
}

/**
 * What a shop or household service posted in a cluster costs in ranking score (search/consumer-trade.ts):
 * a 超市价签标注 post that says 标注 in its title scores like the trade's listings (0.91 against 0.90 for a
 * listing that only sits in the 大数据 cluster), so it yields to any trade listing within half a point.
 * Measured on every half of the quality set (results.md, fifth round).
 */
export const CONSUMER_PENALTY = 0.5

/** How much one more listing of the same organisation costs in ranking score (0–1) beyond the first few. */
export const RANK_PENALTY = 0.03

/**
 * With ranking scores (relevance order): each listing of an organisation beyond the first few loses a
 * little score per listing before them, so it yields only to listings nearly as relevant — a query for
 * the organisation itself still lists its posts. Without scores (newest first): plain reordering.
 */
export function diversifyRanked<T extends Pick<ListingHit, 'organisationId' | 'score' | 'consumer'>>(hits: T[]): T[] {
  if (hits.some((h) => h.score === undefined)) return diversify(hits)
  const seen = new Map<number, number>()
  return hits
    .map((hit, i) => {
      const n = (seen.get(hit.organisationId) ?? 0) + 1
      seen.set(hit.organisationId, n)
      const effective = hit.score! - RANK_PENALTY * Math.max(0, n - PER_ORGANISATION) - CONSUMER_PENALTY * (hit.consumer ?? 0)
      return { hit, i, effective }
    })
    .sort((a, b) => b.effective - a.effective || a.i - b.i)
    .map((x) => x.hit)
}

const withoutConsumer = ({ consumer: _consumer, ...hit }: ListingHit): ListingHit => hit

/** The first pages of relevance and newest orders are cut from one window of this many pages. */
export const WINDOW_PAGES = 2

/**
 * Wraps a listing search so its first pages are diversified. Later pages, other sorts and a search
 * already narrowed to organisations are passed through unchanged.
 */
export function withDiversity(search: (params: ListingSearchParams) => Promise<ListingSearchResult>) {
  return async (params: ListingSearchParams): Promise<ListingSearchResult> => {
    const windowed = params.page <= WINDOW_PAGES && (params.sort === 'relevance' || params.sort === 'newest') && params.orgs.length === 0
    if (!windowed) {
      const result = await search(params)
      return { ...result, hits: result.hits.map(withoutConsumer) }
    }
    const result = await search({ ...params, page: 1, perPage: params.perPage * WINDOW_PAGES })
    const start = (params.page - 1) * params.perPage
    // Without words every listing matches alike (a cluster filter alone): nothing outranks a shop.
    const ranked = params.q.trim() ? withoutOutranked(result.hits) : result.hits
    const window = params.sort === 'relevance' ? diversifyRanked(ranked) : diversify(result.hits)
    const total = result.total - (result.hits.length - window.length)
    const hits = window.slice(start, start + params.perPage).map(withoutConsumer)
    return {
      ...result,
      hits,
      total,
      page: params.page,
      totalPages: Math.ceil(total / params.perPage),
      moreFromOrganisation: moreFromOrganisations(hits, result.facets.organisationId),
    }
  }
}

/** The first hits in order, with no more than `perOrganisation` of any one organisation among them. */
export function capPerOrganisation<T extends Pick<ListingHit, 'organisationId'>>(hits: T[], perOrganisation: number, limit: number): T[] {
  const seen = new Map<number, number>()
  const kept: T[] = []
  for (const hit of hits) {
    if (kept.length === limit) break
    const n = (seen.get(hit.organisationId) ?? 0) + 1
    seen.set(hit.organisationId, n)
    if (n <= perOrganisation) kept.push(hit)
  }
  return kept
}
