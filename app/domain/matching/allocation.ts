/**
 * Allocation of internship demand units to enterprise posts: college-proposing deferred acceptance
 * with capacities (many-to-one). Pure: no database, no clock, no randomness beyond a fixed lottery.
 *
 * - Without regional caps this is Gale–Shapley deferred acceptance: the result is stable (no unit and
 *   post that both strictly prefer each other to what they got) and the best stable result for the units.
 * - With "at most N in a region" caps, plain DA with per-post capacities would either break the cap
 *   or, if the cap were split into fixed per-post quotas, waste seats. We use Kamada & Kojima's
 *   flexible deferred acceptance (AER 2015): each post of a capped region first takes up to its target
 *   (the cap split in proportion to capacity), the remaining regional seats go round-robin, one at a
 *   time, to the region's posts in a fixed order. The result is stable in their sense (a blocking pair
 *   may remain only if the region is full, the post prefers everyone it holds, and a move inside the
 *   region would not make the distribution more balanced).
 * - "At least N in a region" has no stable mechanism in general. We enforce a floor by lowering the cap
 *   of the region holding most units that also accept a post of the short region, and re-running FDA,
 *   until every floor is met or no cap can be lowered (then the input is refused). The final result is
 *   Kamada–Kojima stable for the caps the iteration settled on (reported in `effectiveCaps`).
 *
 * Ties on either side are broken by a fixed lottery (a hash of the id), so the result depends only on
 * the instance, never on the order units or posts were listed in.
 */

export type AllocationPost = { id: string; capacity: number; region: string; majors: readonly string[] }
/** `rank`: 1 = first choice; equal ranks are ties. */
export type DemandUnit = { id: string; major: string; preferences: readonly { post: string; rank: number }[] }
export type RegionCap = { region: string; max?: number; min?: number }

export type AllocationInput = {
  units: readonly DemandUnit[]
  posts: readonly AllocationPost[]
  /** How much a post wants a unit (higher is better, equal is a tie). Default: all tied. */
  priority?: (unitId: string, postId: string) => number
  caps?: readonly RegionCap[]
}

export type UnassignedReason = 'no_preferences' | 'no_post_for_major' | 'capacity' | 'regional_cap'
export type Assignment = { unit: string; post: string; choice: number; choices: number; priority: number }
export type Unassigned = { unit: string; reason: UnassignedReason; choices: number }

export type AllocationProblem =
  | { code: 'no_units' }
  | { code: 'no_posts' }
  | { code: 'duplicate_id'; id: string }
  | { code: 'zero_capacity'; post: string }
  | { code: 'unknown_post'; unit: string; post: string }
  | { code: 'cap_invalid'; region: string }
  | { code: 'floor_unmeetable'; region: string; min: number; reachable: number }

export type AllocationVariant = 'deferred_acceptance' | 'flexible_deferred_acceptance'

export type AllocationResult =
  | {
      ok: true
      variant: AllocationVariant
      assignments: Assignment[]
      unassigned: Unassigned[]
      regionCounts: Record<string, number>
      effectiveCaps: Record<string, number>
      rounds: number
    }
  | { ok: false; problems: AllocationProblem[] }

/** FNV-1a: the fixed lottery that breaks ties. */
export function lotteryKey(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

type Prepared = {
  posts: readonly AllocationPost[]
  postRegion: Int32Array
  regions: string[]
  postsOfRegion: number[][]
  unitIds: string[]
  unitLottery: Uint32Array
  /** Each unit's acceptable posts, best first (ties broken), and the rank it gave each. */
  lists: Int32Array[]
  listRanks: Float64Array[]
  choices: Int32Array
  emptyReason: (UnassignedReason | null)[]
  priority: (unitId: string, postId: string) => number
}

function validate(input: AllocationInput): AllocationProblem[] {
  const problems: AllocationProblem[] = []
  if (!input.units.length) problems.push({ code: 'no_units' })
  if (!input.posts.length) problems.push({ code: 'no_posts' })
  const postIds = new Set<string>()
  for (const p of input.posts) {
    if (postIds.has(p.id)) problems.push({ code: 'duplicate_id', id: p.id })
    postIds.add(p.id)
    if (!Number.isInteger(p.capacity) || p.capacity < 1) problems.push({ code: 'zero_capacity', post: p.id })
  }
  const unitIds = new Set<string>()
  for (const u of input.units) {
    if (unitIds.has(u.id)) problems.push({ code: 'duplicate_id', id: u.id })
    unitIds.add(u.id)
    for (const pref of u.preferences) if (!postIds.has(pref.post)) problems.push({ code: 'unknown_post', unit: u.id, post: pref.post })
  }
  const regions = new Set(input.posts.map((p) => p.region))
  const seen = new Set<string>()
  for (const cap of input.caps ?? []) {
    const bad =
      !regions.has(cap.region) ||
      seen.has(cap.region) ||
      (cap.max !== undefined && !(Number.isInteger(cap.max) && cap.max >= 0)) ||
      (cap.min !== undefined && !(Number.isInteger(cap.min) && cap.min >= 0)) ||
      (cap.min !== undefined && cap.max !== undefined && cap.min > cap.max)
    seen.add(cap.region)
    if (bad) problems.push({ code: 'cap_invalid', region: cap.region })
  }
  return problems
}

function prepare(input: AllocationInput): Prepared {
  const posts = input.posts
  const postIndex = new Map(posts.map((p, i) => [p.id, i]))
  const regions = [...new Set(posts.map((p) => p.region))].sort(byId)
  const regionIndex = new Map(regions.map((r, i) => [r, i]))
  const postRegion = Int32Array.from(posts, (p) => regionIndex.get(p.region)!)
  const postsOfRegion = regions.map(() => [] as number[])
  // Fixed round-robin order inside a region: by post id, never by input order.
  const order = posts.map((_, i) => i).sort((a, b) => byId(posts[a]!.id, posts[b]!.id))
  for (const i of order) postsOfRegion[postRegion[i]!]!.push(i)
  const accepts = posts.map((p) => (p.majors.length ? new Set(p.majors) : null))
  const postLottery = Uint32Array.from(posts, (p) => lotteryKey(p.id))

  const units = input.units
  const lists: Int32Array[] = []
  const listRanks: Float64Array[] = []
  const choices = new Int32Array(units.length)
  const emptyReason: (UnassignedReason | null)[] = []
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!
    const best = new Map<number, number>()
    for (const pref of unit.preferences) {
      const p = postIndex.get(pref.post)!
      const prev = best.get(p)
      if (prev === undefined || pref.rank < prev) best.set(p, pref.rank)
    }
    choices[u] = best.size
    const acceptable = [...best].filter(([p]) => accepts[p] === null || accepts[p]!.has(unit.major))
    acceptable.sort(([pa, ra], [pb, rb]) => ra - rb || postLottery[pa]! - postLottery[pb]! || byId(posts[pa]!.id, posts[pb]!.id))
    lists.push(Int32Array.from(acceptable, ([p]) => p))
    listRanks.push(Float64Array.from(acceptable, ([, r]) => r))
    emptyReason.push(acceptable.length ? null : best.size ? 'no_post_for_major' : 'no_preferences')
  }
  return {
    posts,
    postRegion,
    regions,
    postsOfRegion,
    unitIds: units.map((u) => u.id),
    unitLottery: Uint32Array.from(units, (u) => lotteryKey(u.id)),
    lists,
    listRanks,
    choices,
    emptyReason,
    priority: input.priority ?? (() => 0),
  }
}

type Offer = { unit: number; priority: number }

/** Kamada–Kojima targets: a region's cap split over its posts in proportion to capacity (Σ targets ≤ cap). */
function targets(posts: readonly AllocationPost[], postsOfRegion: number[][], caps: number[]) {
  const target = new Float64Array(posts.length)
  caps.forEach((cap, r) => {
    if (cap === Infinity) return
    const members = postsOfRegion[r]!
    const total = members.reduce((s, p) => s + posts[p]!.capacity, 0)
    for (const p of members) target[p] = Math.min(posts[p]!.capacity, Math.floor((cap * posts[p]!.capacity) / total))
  })
  return target
}

/** One run of (flexible) deferred acceptance for fixed regional caps (Infinity = no cap). */
function runDeferredAcceptance(prep: Prepared, caps: number[]) {
  const { posts, postRegion, postsOfRegion, lists, unitLottery, unitIds } = prep
  const unitCount = lists.length
  const next = new Int32Array(unitCount)
  const heldAt = new Int32Array(unitCount).fill(-1)
  const capRejected = new Uint8Array(unitCount)
  const held: Offer[][] = posts.map(() => [])
  const better = (a: Offer, b: Offer) =>
    b.priority - a.priority || unitLottery[a.unit]! - unitLottery[b.unit]! || byId(unitIds[a.unit]!, unitIds[b.unit]!)

  const target = targets(posts, postsOfRegion, caps)

  let free: number[] = []
  for (let u = 0; u < unitCount; u++) if (lists[u]!.length) free.push(u)
  let rounds = 0
  const incoming = new Map<number, Offer[]>()
  while (free.length) {
    rounds++
    incoming.clear()
    for (const u of free) {
      const p = lists[u]![next[u]!++]!
      const offer = { unit: u, priority: prep.priority(unitIds[u]!, posts[p]!.id) }
      const list = incoming.get(p)
      if (list) list.push(offer)
      else incoming.set(p, [offer])
    }
    const rejected: number[] = []
    const touchedRegions = new Set<number>()
    for (const [p, offers] of incoming) {
      const r = postRegion[p]!
      if (caps[r] !== Infinity) {
        touchedRegions.add(r)
        for (const o of offers) held[p]!.push(o)
        continue
      }
      const pool = held[p]!.concat(offers).sort(better)
      const keep = posts[p]!.capacity
      for (let k = keep; k < pool.length; k++) rejected.push(pool[k]!.unit)
      pool.length = Math.min(pool.length, keep)
      held[p] = pool
    }
    for (const r of touchedRegions) {
      const members = postsOfRegion[r]!
      const taken = new Int32Array(members.length)
      let remaining = caps[r]!
      members.forEach((p, k) => {
        held[p]!.sort(better)
        taken[k] = Math.min(target[p]!, held[p]!.length, posts[p]!.capacity, remaining)
        remaining -= taken[k]!
      })
      // Round-robin over the leftover regional seats, one seat per post per turn.
      let progress = true
      while (remaining > 0 && progress) {
        progress = false
        for (let k = 0; k < members.length && remaining > 0; k++) {
          const p = members[k]!
          if (taken[k]! < held[p]!.length && taken[k]! < posts[p]!.capacity) {
            taken[k]!++
            remaining--
            progress = true
          }
        }
      }
      members.forEach((p, k) => {
        const pool = held[p]!
        for (let j = taken[k]!; j < pool.length; j++) {
          rejected.push(pool[j]!.unit)
          // Turned away while the post still had a physical seat: the regional cap did it.
          if (taken[k]! < posts[p]!.capacity) capRejected[pool[j]!.unit] = 1
        }
        pool.length = taken[k]!
      })
    }
    for (const [p] of incoming) for (const o of held[p]!) heldAt[o.unit] = p
    for (const u of rejected) heldAt[u] = -1
    free = rejected.filter((u) => next[u]! < lists[u]!.length)
  }
  return { held, heldAt, capRejected, rounds }
}

export function allocate(input: AllocationInput): AllocationResult {
  const problems = validate(input)
  if (problems.length) return { ok: false, problems }
  const prep = prepare(input)
  const { regions, postsOfRegion, posts, postRegion, lists } = prep
  const capOf = new Map((input.caps ?? []).map((c) => [c.region, c]))
  const caps = regions.map((r) => capOf.get(r)?.max ?? Infinity)
  const floors = regions.map((r) => capOf.get(r)?.min ?? 0)

  // Floors that no allocation could meet, refused before any run.
  const floorProblems: AllocationProblem[] = []
  regions.forEach((region, r) => {
    if (!floors[r]) return
    const seats = postsOfRegion[r]!.reduce((s, p) => s + posts[p]!.capacity, 0)
    let willing = 0
    for (const list of lists) if (list.some((p) => postRegion[p] === r)) willing++
    const reachable = Math.min(seats, willing, caps[r]!)
    if (reachable < floors[r]!) floorProblems.push({ code: 'floor_unmeetable', region, min: floors[r]!, reachable })
  })
  if (floorProblems.length) return { ok: false, problems: floorProblems }

  let run = runDeferredAcceptance(prep, caps)
  let rounds = run.rounds
  const countIn = (held: Offer[][]) => regions.map((_, r) => postsOfRegion[r]!.reduce((s, p) => s + held[p]!.length, 0))
  for (let counts = countIn(run.held); ; counts = countIn(run.held)) {
    const short = regions.findIndex((_, r) => counts[r]! < floors[r]!)
    if (short < 0) break
    // The donor: the region above its own floor holding most units that would accept a post in the short region.
    const donors = regions
      .map((_, r) => {
        if (r === short || counts[r]! <= floors[r]!) return { r, n: 0 }
        let n = 0
        for (const p of postsOfRegion[r]!) for (const o of run.held[p]!) if (lists[o.unit]!.some((q) => postRegion[q] === short)) n++
        return { r, n }
      })
      .filter((d) => d.n > 0)
      .sort((a, b) => b.n - a.n || a.r - b.r)
    const donor = donors[0]
    if (!donor) {
      return {
        ok: false,
        problems: [{ code: 'floor_unmeetable', region: regions[short]!, min: floors[short]!, reachable: counts[short]! }],
      }
    }
    const cut = Math.min(floors[short]! - counts[short]!, counts[donor.r]! - floors[donor.r]!, donor.n)
    caps[donor.r] = counts[donor.r]! - cut
    run = runDeferredAcceptance(prep, caps)
    rounds += run.rounds
  }

  const assignments: Assignment[] = []
  const unassigned: Unassigned[] = []
  for (let u = 0; u < lists.length; u++) {
    const p = run.heldAt[u]!
    const id = prep.unitIds[u]!
    if (p >= 0) {
      const choice = lists[u]!.indexOf(p) + 1
      const offer = run.held[p]!.find((o) => o.unit === u)!
      assignments.push({ unit: id, post: posts[p]!.id, choice, choices: prep.choices[u]!, priority: offer.priority })
    } else {
      const reason = prep.emptyReason[u] ?? (run.capRejected[u] ? 'regional_cap' : 'capacity')
      unassigned.push({ unit: id, reason, choices: prep.choices[u]! })
    }
  }
  const counts = countIn(run.held)
  return {
    ok: true,
    variant: caps.some((c) => c !== Infinity) ? 'flexible_deferred_acceptance' : 'deferred_acceptance',
    assignments,
    unassigned,
    regionCounts: Object.fromEntries(regions.map((r, i) => [r, counts[i]!])),
    effectiveCaps: Object.fromEntries(regions.flatMap((r, i) => (caps[i] === Infinity ? [] : [[r, caps[i]!]]))),
    rounds,
  }
}

/** Expands a college's request (major, headcount, preferences) into one demand unit per student. */
export function expandRequest(request: {
  id: string
  major: string
  headcount: number
  preferences: readonly { post: string; rank: number }[]
}): DemandUnit[] {
  return Array.from({ length: request.headcount }, (_, i) => ({
    id: `${request.id}#${i + 1}`,
    major: request.major,
    preferences: request.preferences,
  }))
}

export type BlockingPair = { unit: string; post: string; kind: 'envy' | 'waste' }

/**
 * Pairs that would rather be together than keep the result, judged on the ORIGINAL preferences and
 * priorities (ties are not strict preferences). Kamada–Kojima tolerate a pair only when the post's
 * region is at its (effective) cap, the post prefers none of its holders less than the unit, and either
 * the unit sits outside the region or moving it inside the region would unbalance the region.
 */
export function findBlockingPairs(input: AllocationInput, result: Extract<AllocationResult, { ok: true }>): BlockingPair[] {
  const prep = prepare(input)
  const { posts, postRegion, postsOfRegion, regions, lists, listRanks, unitIds } = prep
  const postIndex = new Map(posts.map((p, i) => [p.id, i]))
  const caps = regions.map((r) => result.effectiveCaps[r] ?? Infinity)
  const target = targets(posts, postsOfRegion, caps)
  const holders: number[][] = posts.map(() => [])
  const at = new Int32Array(lists.length).fill(-1)
  const unitIndex = new Map(unitIds.map((id, i) => [id, i]))
  for (const a of result.assignments) {
    const u = unitIndex.get(a.unit)!
    const p = postIndex.get(a.post)!
    at[u] = p
    holders[p]!.push(u)
  }
  const count = regions.map((_, r) => postsOfRegion[r]!.reduce((s, p) => s + holders[p]!.length, 0))
  const minPriority = posts.map((post, p) => Math.min(...holders[p]!.map((u) => prep.priority(unitIds[u]!, post.id))))
  const pairs: BlockingPair[] = []
  for (let u = 0; u < lists.length; u++) {
    const current = at[u]!
    const currentRank = current < 0 ? Infinity : listRanks[u]![lists[u]!.indexOf(current)]!
    lists[u]!.forEach((p, k) => {
      if (!(listRanks[u]![k]! < currentRank)) return
      const post = posts[p]!
      const mine = prep.priority(unitIds[u]!, post.id)
      if (holders[p]!.length && mine > minPriority[p]!) return void pairs.push({ unit: unitIds[u]!, post: post.id, kind: 'envy' })
      if (holders[p]!.length >= post.capacity) return
      const r = postRegion[p]!
      if (count[r]! < caps[r]!) return void pairs.push({ unit: unitIds[u]!, post: post.id, kind: 'waste' })
      if (current < 0 || postRegion[current] !== r) return
      const balanced = holders[p]!.length + 1 - target[p]! > holders[current]!.length - 1 - target[current]!
      if (!balanced) pairs.push({ unit: unitIds[u]!, post: post.id, kind: 'waste' })
    })
  }
  return pairs
}
