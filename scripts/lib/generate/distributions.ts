import { readFileSync } from 'node:fs'
import path from 'node:path'
import { taxonomy } from '../../../db/reference'
import { MAJORS, type MajorLevel } from '../../../db/reference/majors'
import { CLUSTER_CITIES } from '../../../db/seed/enterprises'
import type { Random } from '../../../db/seed/random'

/**
 * The distributions the generator draws from, beyond those it shares with the demo seed
 * (cluster shares and where each cluster sits, enterprise sizes, listing types per kind, stages and their gaps).
 */

/** Resident population in 10,000s, 七普 (2020 census) by prefecture-level city: where schools and offices are. */
export const CITY_POPULATION: Record<string, number> = {
  taiyuan: 530,
  datong: 311,
  shuozhou: 159,
  xinzhou: 268,
  yangquan: 132,
  lvliang: 340,
  jinzhong: 338,
  changzhi: 318,
  jincheng: 219,
  linfen: 398,
  yuncheng: 477,
}
export const CITY_WEIGHTS = taxonomy.regions.cities.map((c) => [c.code, CITY_POPULATION[c.code] ?? 100] as const)

/** The clusters a city's industry belongs to, from the same geography the demo enterprises follow. */
export function clustersOfCity(city: string): [string, number][] {
  return Object.entries(CLUSTER_CITIES).flatMap(([cluster, cities]) =>
    cities.filter(([c]) => c === city).map(([, w]): [string, number] => [cluster, w]),
  )
}

/** Internships start with the school calendar: 顶岗实习 in autumn and spring, 认知实习 in summer, a few in winter. */
const SEASONS: [{ month: number; day: number }, number][] = [
  [{ month: 9, day: 1 }, 40],
  [{ month: 3, day: 1 }, 35],
  [{ month: 7, day: 1 }, 20],
  [{ month: 1, day: 10 }, 5],
]

/** The first start of the chosen season at least `leadDays` after `from`. */
export function internshipStart(rand: Random, from: Date, leadDays: number): Date {
  const season = rand.weighted(SEASONS)
  const earliest = from.getTime() + leadDays * 86_400_000
  let year = new Date(earliest).getUTCFullYear()
  let start = Date.UTC(year, season.month - 1, season.day)
  while (start < earliest) start = Date.UTC(++year, season.month - 1, season.day)
  return new Date(start)
}

/** New listings grow over the three years (the platform is filling up): more of them recently. */
export function publicationAge(rand: Random, spanDays: number) {
  return Math.floor(spanDays * (1 - Math.sqrt(rand.next())))
}

export const LISTING_STATUS_LIVE = [
  ['published', 90],
  ['paused', 4],
  ['closed', 6],
] as const
export const LISTING_STATUS_ENDED = [
  ['expired', 70],
  ['closed', 30],
] as const

export const VERIFICATION = [
  ['verified', 86],
  ['pending', 6],
  ['unverified', 6],
  ['rejected', 2],
] as const

/** Institutions of the Ministry of Education's 2025 list for Shanxi (db/reference/shanxi-institutions-2025.csv). */
export type ListedInstitution = { name: string; city: string; kind: string; level: '本科' | '专科'; private: boolean }

export function listedInstitutions(): ListedInstitution[] {
  const file = path.join(import.meta.dirname, '../../../db/reference/shanxi-institutions-2025.csv')
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n')
  return lines.map((line) => {
    const [, name, city, , level, kind, priv] = line.split(',')
    return { name: name!, city: city!, kind: kind!, level: level as '本科' | '专科', private: priv === 'yes' }
  })
}

export const LEVEL_OF_KIND: Record<string, MajorLevel> = {
  undergrad: '本科',
  vocational_undergrad: '职业本科',
  vocational_higher: '专科',
  vocational_secondary: '中职',
  research_institute: '本科',
}
export const majorsAt = (level: MajorLevel) => MAJORS.filter((m) => m.level === level).map((m) => m.name)

/** Shares of the organisations beyond the listed institutions and government offices. */
export const SECONDARY_SCHOOLS_PER_ORG = 0.008
export const RESEARCH_INSTITUTES_PER_ORG = 0.002
