import type { Settings } from 'meilisearch'
import { taxonomy } from '../db/reference'
import { synonymMap } from './synonyms'

/**
 * Relevance settings, in one place. Every choice says why.
 */

/**
 * Used by the organisation index only (names are short and the dictionary keeps them whole).
 * Meilisearch's Chinese segmenter splits domain terms badly (煤机智能制造 → 煤/机智/能/制造).
 * The dictionary teaches it the short terms (煤机, 智能制造, 碳化硅 …), so long names split
 * into them. Long compounds stay out: as single tokens they would hide their parts
 * (国产芯片适配 as one word is not found by 芯片).
 */
export function searchDictionary(): string[] {
  const words = new Set<string>()
  for (const cluster of taxonomy.clusters) {
    words.add(cluster.name)
    words.add(cluster.short)
    for (const keyword of cluster.keywords) words.add(keyword)
  }
  for (const group of taxonomy.regions.groups) {
    words.add(group.name)
    words.add(group.older_name)
  }
  for (const city of taxonomy.regions.cities) words.add(city.name.replace(/市$/, ''))
  return [...words].filter((w) => w.length >= 2 && w.length <= 4).sort()
}

/** People type the short name (信创) or the full one (信息技术应用创新); both must find the same listings. See search/synonyms.ts. */
export const searchSynonyms = synonymMap

export const listingIndexSettings: Settings = {
  // The listing's own text first (title, then description, then majors); organisation, type and cluster
  // names only after it, so a listing that says the word outranks one that merely belongs to the cluster
  // (measured: recall@10 0.940 → 0.962 on the tuning half). Extra fields of jieba search-mode words were
  // tried and dropped: no gain once the dictionary is gone (0.974 with, 0.973 without).
  searchableAttributes: [
    'title',
    'description',
    'majors',
    'aliases',
    'organisationName',
    'typeName',
    'clusterNames',
    'clusterKeywords',
    'pinyin',
    'textPinyin',
    'english',
    'cityName',
    'regionName',
    'organisationKindName',
  ],
  filterableAttributes: [
    'clusters',
    'type',
    'city',
    'region',
    'organisationKind',
    'organisationId',
    'organisationVerified',
    'direction',
    'majors',
    'startsOn',
    'endsOn',
    'capacity',
    'publishedAt',
  ],
  sortableAttributes: ['publishedAt', 'endsOn', 'capacity'],
  // `sort` first: when a user picks "newest" or "closing soon" the order must follow it;
  // without a sort parameter the rule does nothing and relevance decides. Equal relevance: newest first.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc'],
  // No custom dictionary for listings: it made cluster terms single tokens that hid their parts and
  // typos (measured: recall@10 0.962 with it, 0.973 without).
  synonyms: searchSynonyms(),
  // Pinyin is matched exactly: one letter off is another word (xinchuang ≠ xinchuan…).
  typoTolerance: { disableOnAttributes: ['pinyin', 'textPinyin'] },
  // Per-organisation counts feed "该机构还有 N 条": the organisations with most hits must be among those returned.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { organisationId: 'count', majors: 'count' } },
  pagination: { maxTotalHits: 10_000 },
}

export const organisationIndexSettings: Settings = {
  searchableAttributes: ['name', 'clusterNames', 'clusterKeywords', 'kindName', 'cityName', 'description'],
  filterableAttributes: ['kind', 'city', 'region', 'clusters', 'verified'],
  sortableAttributes: ['name'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  dictionary: searchDictionary(),
  synonyms: searchSynonyms(),
  faceting: { maxValuesPerFacet: 100 },
}
