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
