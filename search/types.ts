/** What a search for listings asks. Every field is already validated and clamped by the caller. */
export type ListingSearchParams = {
  q: string
  clusters: string[]
  types: string[]
  cities: string[]
  orgKinds: string[]
  directions: ('need' | 'offer')[]
  regions: string[]
  /** Majors (专业目录 names) the listing names. */
  majors: string[]
  /** Organisation ids (as in the URL). */
  orgs: string[]
  /** Only listings of organisations the platform has verified. */
  verifiedOnly: boolean
  /** Time window (days since 1970): listings whose period overlaps it. */
  from?: number
  to?: number
  /** upcoming: not started yet; ongoing: running today. */
  phase?: 'upcoming' | 'ongoing'
  /** Published strictly after / at or before these instants (whole seconds since 1970): what a search alert calls new. */
  publishedAfter?: number
  publishedUntil?: number
  /** Today as a day number, so tests and the fallback agree on what "today" is. */
  today?: number
  /**
   * Listings matching any of the words, those with more of them first (Meilisearch's `last` strategy,
   * which keeps dropping words from the end, so the first words weigh most; an OR ranked by ts_rank in
   * the fallback): how "similar listings" ask, with a listing's own words. 1.21's `frequency` strategy
   * returned only the listings with every word, so `last` it is.
   */
  anyWord?: boolean
  sort: 'relevance' | 'newest' | 'closing' | 'capacity'
  page: number
  perPage: number
}

/** One listing as it sits in the search index (built by search/documents.ts). */
export type ListingDocument = {
  id: number
  title: string
  description: string
  direction: 'need' | 'offer'
  type: string
  typeName: string
  organisationId: number
  organisationName: string
  organisationKind: string
  organisationKindName: string
  organisationVerified: boolean
  city: string
  cityName: string
  region: string
  regionName: string
  clusters: string[]
  clusterNames: string[]
  clusterKeywords: string[]
  majors: string[]
  /** Synonyms too long for Meilisearch to expand at query time, of words the listing says (search/synonyms.ts). */
  aliases: string[]
  /** 1 for a shop or household service posted in a cluster (search/consumer-trade.ts): it yields to trade listings. */
  consumer: 0 | 1
  /** Full pinyin and initials of the title, organisation name and cluster names. */
  pinyin: string
  /** Full pinyin of the words of the description and majors not already in `pinyin` (search/text.ts wordPinyinTerms). */
  textPinyin: string
  /** English names of the clusters, type, city, region and organisation kind (reference data). */
  english: string[]
  capacity: number
  startsOn: number
  endsOn: number
  publishedAt: number
}

export type FacetCounts = Record<
  'clusters' | 'type' | 'city' | 'region' | 'organisationKind' | 'direction' | 'majors' | 'organisationId',
  Record<string, number>
>

/**
 * What a result shows of its document. The rest is there for matching only (pinyin, English names,
 * cluster keywords: 70% of a hit), shown as the snippet (the description), or shown in the reader's
 * language from the codes (the Chinese names), and would otherwise travel engine → server → page
 * HTML → hydration data for nothing.
 */
export const HIT_FIELDS = [
  'id',
  'title',
  'direction',
  'type',
  'organisationId',
  'organisationName',
  'organisationKind',
  'organisationVerified',
  'city',
  'region',
  'clusters',
  'majors',
  'capacity',
  'startsOn',
  'endsOn',
  'publishedAt',
] as const satisfies readonly (keyof ListingDocument)[]

type ShownFields = Pick<ListingDocument, (typeof HIT_FIELDS)[number]>

export const shownFields = (doc: ListingDocument) => Object.fromEntries(HIT_FIELDS.map((field) => [field, doc[field]])) as ShownFields

export type ListingHit = ShownFields & {
  /** Title and description with matched words wrapped in <mark>…</mark>; the rest is HTML-escaped. */
  highlightedTitle: string
  snippet: string
  /** Relevance between 0 and 1 when ordered by relevance (Meilisearch's ranking score, or the fallback's normalised rank). */
  score?: number
  /** Read by the diversity step (a shop yields to trade listings) and dropped there: the page never needs it. */
  consumer?: 0 | 1
}

export type ListingSearchResult = {
  hits: ListingHit[]
  total: number
  facets: FacetCounts
  page: number
  totalPages: number
  processingTimeMs: number
  /** Which engine answered: Postgres when Meilisearch is down (less precise; the page says so). */
  engine?: 'meilisearch' | 'postgres'
  /** Per organisation on this page: how many more of its listings the result holds (diversity keeps them off page 1). */
  moreFromOrganisation?: Record<number, number>
  /** When the query had a homophone typo: the corrected query whose results are shown. */
  correctedQuery?: string
  /** Set when no engine could answer; the page shows a notice. */
  unavailable?: boolean
}
