import type { ListingSearchParams } from '../../search/types'
import { FIXTURE, type FixtureListing } from './fixture'

/**
 * Queries as people type them into the search box, with the fixture listings that must appear in the
 * first ten results and near-miss decoys that must not. Written from how each cluster's people speak,
 * before any tuning; split into a tuning half and a held-out half (queries.tuning.ts, queries.heldout.ts).
 */
export const GROUPS = [
  'exact',
  'partial',
  'typo',
  'abbreviation',
  'pinyin',
  'synonym',
  'cross-cluster',
  'filtered',
  'majors',
  'english',
] as const

export type QualityFilters = Partial<Omit<ListingSearchParams, 'q' | 'page' | 'perPage' | 'sort'>> & { majors?: string[] }

export type QualityQuery = {
  group: (typeof GROUPS)[number]
  q: string
  filters?: QualityFilters
  /** Every listing a judge calls relevant; when more than 10, any 10 of them make a perfect first page. */
  expect: string[]
  /** Listings that look alike (share characters or a word) but are not what the query asks for. */
  avoid?: string[]
}

/** The listings of a type, cluster, city, organisation kind or organisation: what a name of that facet means. */
export function where(selector: { type?: string; cluster?: string; city?: string; kind?: string; org?: string }): string[] {
  const matches = (l: FixtureListing) =>
    (!selector.type || l.type === selector.type) &&
    (!selector.cluster || l.clusters.includes(selector.cluster)) &&
    (!selector.city || l.city === selector.city) &&
    (!selector.kind || (l.orgKind ?? 'enterprise') === selector.kind) &&
    (!selector.org || l.org === selector.org)
  return FIXTURE.filter(matches).map((l) => l.key)
}
