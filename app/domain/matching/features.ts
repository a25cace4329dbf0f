/**
 * The explainable features recommendations are scored from. Each is a pure function returning a
 * value in [0, 1] and what the reader needs to see why (shared clusters, the distance, …).
 */
import { cityByCode, regionOfCity } from '../../../db/reference'

export type Fit<T = object> = { score: number } & T

export function clusterOverlap(mine: readonly string[], theirs: readonly string[]): Fit<{ shared: string[] }> {
  const other = new Set(theirs)
  const shared = [...new Set(mine)].filter((c) => other.has(c))
  return { score: mine.length ? shared.length / new Set(mine).size : 0, shared }
}

/** Share of the majors I want that the other side covers (exact catalogue names). */
export function majorsFit(wanted: readonly string[], offered: readonly string[]): Fit<{ shared: string[] }> {
  const other = new Set(offered.map((m) => m.trim()))
  const mine = [...new Set(wanted.map((m) => m.trim()).filter(Boolean))]
  const shared = mine.filter((m) => other.has(m))
  return { score: mine.length ? shared.length / mine.length : 0, shared }
}

export type Term = { keyword: string; weight: number }

/** Cosine similarity of two TF-IDF keyword vectors, with the shared keywords strongest first. */
export function textFit(mine: readonly Term[], theirs: readonly Term[]): Fit<{ shared: string[] }> {
  const other = new Map(theirs.map((t) => [t.keyword, t.weight]))
  let dot = 0
  const shared: [string, number][] = []
  for (const t of mine) {
    const w = other.get(t.keyword)
    if (w === undefined) continue
    dot += t.weight * w
    shared.push([t.keyword, t.weight * w])
  }
  const norm = (ts: readonly Term[]) => Math.sqrt(ts.reduce((s, t) => s + t.weight * t.weight, 0))
  const denominator = norm(mine) * norm(theirs)
  return { score: denominator ? dot / denominator : 0, shared: shared.sort((a, b) => b[1] - a[1]).map(([k]) => k) }
}

const EARTH_RADIUS_KM = 6371

/** Great-circle distance between two cities' centres, from the taxonomy's coordinates. */
export function cityDistanceKm(a: string, b: string): number | null {
  const from = cityByCode.get(a)
  const to = cityByCode.get(b)
  if (!from || !to) return null
  if (a === b) return 0
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(to.lat - from.lat)
  const dLng = rad(to.lng - from.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h))
}

/** Same city scores 1; 100 km halves it; Shanxi's longest distance (~550 km) scores about 0.15. */
export function distanceFit(a: string, b: string): Fit<{ km: number | null }> {
  const km = cityDistanceKm(a, b)
  return { score: km === null ? 0 : 1 / (1 + km / 100), km: km === null ? null : Math.round(km) }
}

const DAY = 86_400_000
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1

/** How much of my time window the other side's window covers. */
export function windowOverlap(
  mine: { startsOn: string; endsOn: string },
  theirs: { startsOn: string; endsOn: string },
): Fit<{ days: number; weeks: number }> {
  const start = mine.startsOn > theirs.startsOn ? mine.startsOn : theirs.startsOn
  const end = mine.endsOn < theirs.endsOn ? mine.endsOn : theirs.endsOn
  const overlap = end >= start ? days(start, end) : 0
  const length = Math.max(1, days(mine.startsOn, mine.endsOn))
  return { score: Math.min(1, overlap / length), days: overlap, weeks: Math.floor(overlap / 7) }
}

/**
 * Room left on the other side's listing: places minus partnerships already being pursued. A post
 * chased by many open matches for its places ranks lower, so recommendations spread demand.
 */
export function congestion(places: number, openMatches: number): Fit<{ remaining: number; ratio: number }> {
  const safePlaces = Math.max(1, places)
  const ratio = openMatches / safePlaces
  return { score: 1 / (1 + ratio), remaining: Math.max(0, places - openMatches), ratio }
}

export function verificationFit(state: string): Fit {
  return { score: state === 'verified' ? 1 : state === 'pending' ? 0.5 : 0.2 }
}

export type Responsiveness = { contacted: number; answered: number; medianReplyHours: number | null; completed: number; terminated: number }

/**
 * How likely the other side answers and follows through: share of contacts answered, reply speed
 * (a day halves it), and finished over abandoned partnerships. Unknown organisations sit at 0.5.
 */
export function responsivenessFit(r: Responsiveness | undefined): Fit<{ answeredShare: number | null }> {
  if (!r || r.contacted === 0) return { score: 0.5, answeredShare: null }
  const answeredShare = r.answered / r.contacted
  const speed = r.medianReplyHours === null ? 0.5 : 1 / (1 + r.medianReplyHours / 24)
  const record = (r.completed + 1) / (r.completed + r.terminated + 2)
  return { score: 0.5 * answeredShare + 0.25 * speed + 0.25 * record, answeredShare }
}

/**
 * An enterprise's gap to its policy quota (10 % of technical posts as internship places, 0.5 % of
 * staff as teacher-practice places): the larger the share still missing, the larger the boost.
 */
export function quotaGap({
  base,
  threshold,
  published,
}: {
  base: number | null
  threshold: number
  published: number
}): Fit<{ required: number; missing: number }> {
  if (!base || base <= 0) return { score: 0, required: 0, missing: 0 }
  const required = Math.ceil(base * threshold)
  const missing = Math.max(0, required - published)
  return { score: required ? missing / required : 0, required, missing }
}

/** Both parties in the same regional group of the taxonomy. */
export function regionalPriority(a: string, b: string): Fit<{ region: string | null }> {
  const ra = regionOfCity.get(a)?.code
  const rb = regionOfCity.get(b)?.code
  return ra && ra === rb ? { score: 1, region: ra } : { score: 0, region: null }
}

/** Harmonic mean of the two directions: high only when each side fits the other. */
export function twoSided(aForB: number, bForA: number): number {
  return aForB + bForA > 0 ? (2 * aForB * bForA) / (aForB + bForA) : 0
}
