import { cityByCode } from '../reference'
import type { Random } from './random'

/**
 * How the demo's partnerships form: each side has its own preferences and a match needs both to
 * say yes. The side that reaches out picks whom to contact by its own taste (softmax over its
 * utility, so the best is likeliest but not certain), and the side contacted accepts when the
 * proposer ranks high enough by *its* taste (a soft threshold at its median candidate). A refusal
 * means the proposer tries someone else.
 *
 * Tastes (with idiosyncratic Gumbel noise per pair, so no two organisations rank alike):
 * - an enterprise wants colleges teaching the majors its listing names, nearby, verified, and
 *   larger (more students to draw on);
 * - a college or university wants enterprises nearby, in its own industrial clusters, with room
 *   (the listing's places) and of some size.
 * These are written independently of the recommender's features and weights (different shapes,
 * the size and noise terms it cannot see), so the evaluation is not graded against itself.
 */
export type Side = {
  id: number
  kind: string
  cityCode: string
  clusters: readonly string[]
  majors: readonly string[]
  staff: number
  students: number
  verified: boolean
}
export type ListingFacts = { cityCode: string; clusters: readonly string[]; majors: readonly string[]; capacity: number }

const rad = (d: number) => (d * Math.PI) / 180
function km(a: string, b: string) {
  const from = cityByCode.get(a)
  const to = cityByCode.get(b)
  if (!from || !to || a === b) return 0
  const h =
    Math.sin(rad(to.lat - from.lat) / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(rad(to.lng - from.lng) / 2) ** 2
  return 12_742 * Math.asin(Math.sqrt(h))
}
const near = (a: string, b: string) => Math.exp(-km(a, b) / 120)
const share = (wanted: readonly string[], offered: readonly string[]) =>
  wanted.length ? wanted.filter((w) => offered.includes(w)).length / wanted.length : 0
const size = (n: number, full: number) => Math.min(1, Math.log1p(Math.max(0, n)) / Math.log1p(full))

/**
 * What one side brings to the pair: the owner is represented by its listing (where the work is, its
 * clusters, the majors it names, its places), the other side by its organisation. Both tastes are
 * about the counterpart's facts, so when a college owns the listing the enterprise still cares how
 * far away the college is and which majors it brings, and the college how near the enterprise is.
 */
type Stand = Side & { places: number | null; /** Its listing's clusters and its own. */ reach: readonly string[] }
function standOf(side: Side, listing: ListingFacts, ownerId: number): Stand {
  if (side.id !== ownerId) return { ...side, places: null, reach: side.clusters }
  return {
    ...side,
    cityCode: listing.cityCode,
    clusters: listing.clusters,
    majors: listing.majors.length ? listing.majors : side.majors,
    places: listing.capacity,
    reach: [...listing.clusters, ...side.clusters],
  }
}

/** The enterprise's taste for a college or university. */
function enterpriseLikes(enterprise: Stand, college: Stand) {
  return (
    2 * share(enterprise.majors, college.majors) +
    0.6 * share(enterprise.clusters, college.clusters) +
    1.4 * near(enterprise.cityCode, college.cityCode) +
    0.5 * (college.verified ? 1 : 0) +
    0.5 * size(college.students, 30_000)
  )
}

/** The college's (or university's) taste for an enterprise: room counts only where the enterprise's listing states its places. */
function collegeLikes(college: Stand, enterprise: Stand) {
  return (
    1.8 * near(college.cityCode, enterprise.cityCode) +
    1.2 * share(college.clusters, enterprise.reach) +
    0.6 * size(enterprise.places ?? 0, 60) +
    0.4 * size(enterprise.staff, 20_000)
  )
}

/** `a`'s utility for `b` about the listing owned by `ownerId` (one of the two), whichever side each is on. */
export function utility(listing: ListingFacts, ownerId: number, a: Side, b: Side) {
  const [mine, theirs] = [standOf(a, listing, ownerId), standOf(b, listing, ownerId)]
  return a.kind === 'enterprise' ? enterpriseLikes(mine, theirs) : collegeLikes(mine, theirs)
}

const gumbel = (rand: Random) => -Math.log(-Math.log(Math.max(1e-12, rand.next())))
const NOISE = 0.35
const CHOICE_TEMPERATURE = 0.3
const ACCEPT_SOFTNESS = 0.15
const PROPOSALS = 8

/**
 * One partnership about `listing` owned by `owner`, from `pool`: who reaches out (the owner or one
 * of the pool), who they ask, and whether the other says yes. `partner` is null when every proposal
 * was refused; `refused` are the pairs that were asked and declined, in order.
 */
export function twoSidedPartner(
  rand: Random,
  input: {
    listing: ListingFacts
    owner: Side
    pool: readonly Side[]
    partnerInitiates: boolean
    exclude: (partner: Side) => boolean
    /** This member of the pool reaches out (once), still judged by the owner against the whole pool. */
    asker?: number
  },
): { partner: Side | null; refused: Side[] } {
  const { listing, owner, pool } = input
  const candidates = pool.filter((p) => !input.exclude(p))
  const refused: Side[] = []
  if (!candidates.length) return { partner: null, refused }
  const fixed = input.asker === undefined ? -1 : candidates.findIndex((c) => c.id === input.asker)
  if (input.asker !== undefined && fixed < 0) return { partner: null, refused }
  const ownerView = candidates.map((c) => utility(listing, owner.id, owner, c) + NOISE * gumbel(rand))
  const theirView = candidates.map((c) => utility(listing, owner.id, c, owner) + NOISE * gumbel(rand))
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  // Partner-initiated: candidates reach out by how much they want this listing; the owner judges them.
  const [asker, judge] = input.partnerInitiates ? [theirView, ownerView] : [ownerView, theirView]
  const bar = median(judge)
  const top = Math.max(...asker)
  const weights = asker.map((u) => Math.exp((u - top) / CHOICE_TEMPERATURE))
  const accepts = (i: number) => {
    const yes = rand.chance(1 / (1 + Math.exp(-(judge[i]! - bar) / ACCEPT_SOFTNESS)))
    if (!yes) refused.push(candidates[i]!)
    return yes
  }
  if (fixed >= 0) return { partner: accepts(fixed) ? candidates[fixed]! : null, refused }
  const asked = new Set<number>()
  for (let k = 0; k < PROPOSALS && asked.size < candidates.length; k++) {
    let r = rand.next() * weights.reduce((s, w, i) => s + (asked.has(i) ? 0 : w), 0)
    let i = 0
    for (; i < weights.length; i++) if (!asked.has(i) && (r -= weights[i]!) <= 0) break
    if (i >= weights.length || asked.has(i)) i = weights.findIndex((_, j) => !asked.has(j))
    asked.add(i)
    if (accepts(i)) return { partner: candidates[i]!, refused }
  }
  return { partner: null, refused }
}
