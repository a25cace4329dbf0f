import {
  allocate,
  findBlockingPairs,
  lotteryKey,
  type AllocationInput,
  type AllocationPost,
  type DemandUnit,
} from '../../app/domain/matching/allocation'
import { taxonomy } from '../../db/reference'

export type BenchRow = [measure: string, figure: string, notes: string]

/** A deterministic generator, so every bench run allocates the same instances. */
function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const MAJOR_COUNT = 40
const regions = taxonomy.regions.groups.map((g) => g.code)

/** 2,000 posts (1–10 places, 1–3 acceptable majors, spread over the regional groups) and `units` demand units with 15 ranked choices. */
export function allocationInstance(units: number, posts = 2000, seed = 1): AllocationInput {
  const rand = seeded(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const postRows: AllocationPost[] = Array.from({ length: posts }, (_, i) => {
    const majors = new Set<string>()
    const n = 1 + Math.floor(rand() * 3)
    while (majors.size < n) majors.add(`m${Math.floor(rand() * MAJOR_COUNT)}`)
    return { id: `post-${i}`, capacity: 1 + Math.floor(rand() * 10), region: pick(regions), majors: [...majors] }
  })
  const byMajor = new Map<string, AllocationPost[]>()
  for (const p of postRows) for (const m of p.majors) byMajor.set(m, [...(byMajor.get(m) ?? []), p])
  const unitRows: DemandUnit[] = Array.from({ length: units }, (_, i) => {
    const major = `m${Math.floor(rand() * MAJOR_COUNT)}`
    const home = pick(regions)
    const fitting = byMajor.get(major) ?? []
    const chosen = new Set<AllocationPost>()
    for (let k = 0; k < 40 && chosen.size < 15 && chosen.size < fitting.length; k++) {
      const p = pick(fitting)
      // Mostly posts in the unit's own region, as a college would choose.
      if (p.region === home || rand() < 0.3) chosen.add(p)
    }
    // Ranks in bands of three: ties inside a band.
    return { id: `unit-${i}`, major, preferences: [...chosen].map((p, k) => ({ post: p.id, rank: 1 + Math.floor(k / 3) })) }
  })
  return {
    posts: postRows,
    units: unitRows,
    // The post's view: a score in ten bands (ties), as a recommendation score would give.
    priority: (unit, post) => (lotteryKey(`${unit}|${post}`) % 10) / 10,
  }
}

const secondsSince = (t: number) => `${((performance.now() - t) / 1000).toFixed(2)} s`

export function benchAllocation(log: (row: BenchRow) => void = () => {}): BenchRow[] {
  const rows: BenchRow[] = []
  const add = (row: BenchRow) => {
    rows.push(row)
    log(row)
  }
  for (const units of [1_000, 10_000, 100_000]) {
    const input = allocationInstance(units)
    const seats = input.posts.reduce((s, p) => s + p.capacity, 0)
    const t = performance.now()
    const result = allocate(input)
    const took = secondsSince(t)
    if (!result.ok) throw new Error(`allocation failed: ${JSON.stringify(result.problems.slice(0, 3))}`)
    const blocking = findBlockingPairs(input, result).length
    add([
      `allocation, ${units.toLocaleString('en')} demand units × 2,000 posts`,
      took,
      `${seats.toLocaleString('en')} places; ${result.assignments.length.toLocaleString('en')} assigned in ${result.rounds} rounds; ${blocking} blocking pairs`,
    ])
  }
  const input = {
    ...allocationInstance(10_000),
    caps: [
      { region: 'central', max: 2_000 },
      { region: 'north', min: 1_500 },
    ],
  }
  const t = performance.now()
  const result = allocate(input)
  const took = secondsSince(t)
  if (!result.ok) throw new Error(`capped allocation failed: ${JSON.stringify(result.problems.slice(0, 3))}`)
  add([
    'allocation with caps (central ≤ 2,000, north ≥ 1,500), 10,000 units',
    took,
    `flexible DA (Kamada–Kojima); ${result.assignments.length.toLocaleString('en')} assigned, by region ${JSON.stringify(result.regionCounts)}; ${findBlockingPairs(input, result).length} blocking pairs`,
  ])
  return rows
}

type Method = { name: string; ranks: number[] }

const hitAt = (ranks: number[], k: number) => ranks.filter((r) => r > 0 && r <= k).length / Math.max(1, ranks.length)
const mrr = (ranks: number[]) => ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / Math.max(1, ranks.length)

/**
 * Offline evaluation on the demo history: for every signed, running or completed match about a
 * listing, hide the partner, ask for counterpart organisations for the listing as of the day the
 * match started, and find the partner's rank. Two-sided ranking against one-sided fit and a plain
 * title search. Also the p95 of top-20 explained recommendations at the current data size.
 */
export async function benchRecommend({
  log = () => {},
  searchListings,
  blankSearch,
  maxCases = 400,
  evaluate = true,
}: {
  log?: (row: BenchRow) => void
  /** The title-search baseline; left out without it. */
  searchListings?: (
    params: ReturnType<typeof import('../../app/lib/search-params').blankSearch>,
  ) => Promise<{ hits: { organisationId: number }[] }>
  blankSearch?: typeof import('../../app/lib/search-params').blankSearch
  maxCases?: number
  /** Off at scale: the grown copies have no history of their own. */
  evaluate?: boolean
}): Promise<BenchRow[]> {
  const { db } = await import('../../app/db.server')
  const { candidatesFor, recommendForListing } = await import('../../app/domain/matching/recommend.server')
  const { matches, listings } = await import('../../db/schema')
  const { and, eq, inArray, isNotNull } = await import('drizzle-orm')
  const admin: import('../../app/domain/actor').Actor = {
    kind: 'user',
    userId: 0,
    platformRole: 'admin',
    govScope: null,
    activeOrganisationId: null,
    memberships: [],
  }
  const rows: BenchRow[] = []
  const add = (row: BenchRow) => {
    rows.push(row)
    log(row)
  }

  const cases = await db
    .select({
      id: matches.id,
      listingId: matches.listingId,
      owner: listings.organisationId,
      title: listings.title,
      initiator: matches.initiatorOrganisationId,
      partner: matches.partnerOrganisationId,
      createdAt: matches.createdAt,
    })
    .from(matches)
    .innerJoin(listings, eq(listings.id, matches.listingId))
    .where(and(isNotNull(matches.listingId), inArray(matches.stage, ['signed', 'in_progress', 'completed'])))
    .orderBy(matches.id)
  const sample = (evaluate ? cases : []).filter((_, i) => i % Math.max(1, Math.ceil(cases.length / maxCases)) === 0)
  const methods: Method[] = [
    { name: 'two-sided (harmonic mean)', ranks: [] },
    { name: 'one-sided fit (viewer side only)', ranks: [] },
    ...(searchListings && blankSearch ? [{ name: 'title text search (Meilisearch)', ranks: [] }] : []),
  ]
  const rankIn = (orgIds: number[], target: number) => orgIds.indexOf(target) + 1
  const years: number[] = []
  let recalled = 0
  for (const c of sample) {
    const hidden = c.initiator === c.owner ? c.partner : c.initiator
    years.push(c.createdAt.getUTCFullYear())
    if ((await candidatesFor({ actor: admin, listingId: c.listingId!, asOf: c.createdAt })).organisationIds.has(hidden)) recalled++
    for (const [k, oneSided] of [
      [0, false],
      [1, true],
    ] as const) {
      const r = await recommendForListing({ actor: admin, listingId: c.listingId!, options: { asOf: c.createdAt, limit: 50, oneSided } })
      methods[k]!.ranks.push(
        rankIn(
          r.organisations.map((o) => o.organisation.id),
          hidden,
        ),
      )
    }
    if (!searchListings || !blankSearch) continue
    const found = await searchListings(blankSearch({ q: c.title.slice(0, 60), perPage: 60 }))
    const orgs = [...new Set(found.hits.map((h) => h.organisationId).filter((o) => o !== c.owner))]
    methods[2]!.ranks.push(rankIn(orgs, hidden))
  }
  if (evaluate)
    add([
      'recommend eval: candidate recall',
      `${recalled} / ${sample.length}`,
      "hidden partners among the candidate organisations (candidate listings' owners ∪ cluster ∪ nearby cities, before the shortlist), as of the match's start",
    ])
  // Each year of match starts on its own, as held-out parts: a difference between methods should hold in each.
  const byYear = (ranks: number[]) =>
    [...new Set(years)]
      .sort()
      .map((y) => {
        const part = ranks.filter((_, i) => years[i] === y)
        return `${y}: ${hitAt(part, 10).toFixed(3)} / ${mrr(part).toFixed(3)} (${part.length})`
      })
      .join(' · ')
  for (const m of evaluate ? methods : [])
    add([
      `recommend eval: ${m.name}`,
      `hit@10 ${hitAt(m.ranks, 10).toFixed(3)} · MRR ${mrr(m.ranks).toFixed(3)}`,
      `${m.ranks.length} hidden partners of signed/running/completed matches; found in top 50: ${m.ranks.filter((r) => r > 0).length}; hit@10 / MRR by start year ${byYear(m.ranks)}`,
    ])

  const live = await db.select({ id: listings.id }).from(listings).where(eq(listings.status, 'published')).orderBy(listings.id)
  const probe = live.filter((_, i) => i % Math.max(1, Math.floor(live.length / 200)) === 0).slice(0, 200)
  await recommendForListing({ actor: admin, listingId: probe[0]!.id, options: { limit: 20 } })
  // The floor: the same probes' candidate SQL alone (no features, terms, scoring or organisation candidates).
  const times: number[] = []
  const floor: number[] = []
  for (const l of probe) {
    let t = performance.now()
    await candidatesFor({ actor: admin, listingId: l.id })
    floor.push(performance.now() - t)
    t = performance.now()
    await recommendForListing({ actor: admin, listingId: l.id, options: { limit: 20 } })
    times.push(performance.now() - t)
  }
  const p = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  }
  add([
    `top-20 explained recommendations, p50 / p95`,
    `${p(times, 0.5).toFixed(1)} ms / ${p(times, 0.95).toFixed(1)} ms`,
    `${times.length} published listings of ${live.length.toLocaleString('en')}; candidates, features, jieba terms, two-sided score, reasons; floor (candidate SQL alone) ${p(floor, 0.5).toFixed(1)} / ${p(floor, 0.95).toFixed(1)} ms`,
  ])
  return rows
}

/** Grows the demo listings to `target` published ones (scripts/lib/scale.ts), for recommendation latency at scale. */
export async function growForRecommend(target: number) {
  const { db, getDatabaseHandle } = await import('../../app/db.server')
  const { growListings } = await import('./scale')
  const { eq, sql } = await import('drizzle-orm')
  const { listings } = await import('../../db/schema')
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(eq(listings.status, 'published'))
  const published = Number(row?.n ?? 0)
  const t = performance.now()
  if (target > published)
    await growListings(getDatabaseHandle(), target - published, (step, done, total) =>
      process.stdout.write(`\r  ${step}: ${done}/${total}`),
    )
  await db.execute(sql`analyze listings`)
  await db.execute(sql`analyze listing_clusters`)
  await db.execute(sql`analyze organisations`)
  console.log(`\n  grown to ${target.toLocaleString('en')} published listings in ${((performance.now() - t) / 1000).toFixed(1)} s`)
}

/**
 * Recommendation latency (and its candidate-SQL floor) on an existing database, e.g. the generator's
 * 500,000 listings: migrations and ANALYZE only, no rows written, nothing dropped.
 */
export async function benchRecommendExisting(url: string): Promise<BenchRow[]> {
  process.env.DATABASE_URL = url
  const { openMigratedDatabase } = await import('./boot')
  const { handle } = await openMigratedDatabase()
  const { sql } = await import('drizzle-orm')
  for (const table of ['listings', 'listing_clusters', 'organisations', 'organisation_clusters', 'matches'])
    await handle.db.execute(sql.raw(`analyze ${table}`))
  const [count] = (await handle.db.execute(sql`select count(*)::int as n from listings`)) as unknown as { n: number }[]
  console.log(`  existing database: ${Number(count?.n).toLocaleString('en')} listings`)
  const rows = await benchRecommend({ evaluate: false, log: ([m, f, n]) => console.log(`  ${m}: ${f} (${n})`) })
  await handle.close()
  return rows
}
