import type { Settings } from 'meilisearch'
import { taxonomy } from '../db/reference'

/**
 * Relevance settings, in one place. Every choice says why.
 */

/**
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

/** Gaps the quality queries found that the taxonomy does not cover: everyday words for the same thing. */
const EVERYDAY_SYNONYMS: string[][] = [
  ['新能源车', '新能源汽车', '电动汽车'],
  ['芯片', '集成电路'],
  ['实习', '顶岗实习', '实训'],
  ['无人机', '无人驾驶航空器'],
]

/** People type the short name (信创) or the full one (信息技术应用创新); both must find the same listings. */
export function searchSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  const link = (words: string[]) => {
    const unique = [...new Set(words)].filter(Boolean)
    for (const word of unique) {
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...unique.filter((w) => w !== word)])]
    }
  }
  for (const cluster of taxonomy.clusters) link([cluster.name, cluster.short])
  for (const group of taxonomy.regions.groups) link([group.name, group.older_name])
  for (const city of taxonomy.regions.cities) link([city.name, city.name.replace(/市$/, '')])
  for (const words of EVERYDAY_SYNONYMS) link(words)
  return synonyms
}

export const listingIndexSettings: Settings = {
  // Title first: a hit in the title says more than one deep in the description.
  searchableAttributes: [
    'title',
    'clusterNames',
    'clusterKeywords',
    'organisationName',
    'typeName',
    'description',
    'cityName',
    'regionName',
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
    'startsOn',
    'endsOn',
    'capacity',
    'publishedAt',
  ],
  sortableAttributes: ['publishedAt', 'endsOn', 'capacity'],
  // `sort` first: when a user picks "newest" or "closing soon" the order must follow it;
  // without a sort parameter the rule does nothing and relevance decides.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  dictionary: searchDictionary(),
  synonyms: searchSynonyms(),
  faceting: { maxValuesPerFacet: 100 },
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
