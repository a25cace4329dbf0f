import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type Column } from 'drizzle-orm'
import { db } from '~/db.server'
import { listingClusterCodes } from '~/db.server'
import { cityByCode, indicatorThreshold, regionOfCity } from '../../../db/reference'
import { listingClusters, listings, matches, organisationClusters, organisations, recommendationDismissals } from '~/db.server'
import { isMemberOf, isPlatformAdmin, type Actor } from '../actor'
import { DomainError } from '../errors.server'
import { trackingResponsiveness, type ResponsivenessSource } from './responsiveness.server'
import { cityDistanceKm, type Responsiveness } from './features'
import { scorePair, type Party, type QuotaFacts, type Reason } from './score'
import { cachedByOrganisation } from './org-cache.server'
import { keyTerms } from './terms.server'

/** Which listings answer a listing of this type and direction: the opposite side of the same type, plus cross-links. */
const COUNTERPARTS: Record<string, { type: string; direction: 'need' | 'offer' }[]> = {
  'internship:offer': [{ type: 'internship', direction: 'need' }],
  'internship:need': [{ type: 'internship', direction: 'offer' }],
  'teacher_practice:offer': [{ type: 'teacher_practice', direction: 'need' }],
  'teacher_practice:need': [{ type: 'teacher_practice', direction: 'offer' }],
  'industry_college:offer': [{ type: 'industry_college', direction: 'need' }],
  'industry_college:need': [{ type: 'industry_college', direction: 'offer' }],
  // A university's result answers an enterprise's problem; a problem also fits a joint-lab proposal in its cluster.
  'tech_transfer:need': [
    { type: 'tech_transfer', direction: 'offer' },
    { type: 'joint_lab', direction: 'offer' },
  ],
  'tech_transfer:offer': [{ type: 'tech_transfer', direction: 'need' }],
  'joint_lab:offer': [
    { type: 'joint_lab', direction: 'need' },
    { type: 'tech_transfer', direction: 'need' },
  ],
  'joint_lab:need': [{ type: 'joint_lab', direction: 'offer' }],
}

const COLLEGES = ['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary']
const RESEARCH = ['undergrad', 'vocational_undergrad', 'vocational_higher', 'research_institute']
/** Organisation kinds that can be the other party of a listing, by its owner's kind and type. */
function partnerKinds(ownerKind: string, type: string): string[] {
  if (ownerKind !== 'enterprise') return ['enterprise']
  return type === 'joint_lab' || type === 'tech_transfer' ? RESEARCH : COLLEGES
}

const OPEN_STAGES = ['contact', 'negotiation'] as const
const ORG_CANDIDATE_LIMIT = 120
/** A dismissed listing disappears; other listings of an organisation the viewer dismissed something of rank lower. */
const ORG_DISMISSAL_PENALTY = 0.6

export type ListingRow = {
  id: number
  organisationId: number
  organisationKind: string
  organisationName: string
  verification: string
  verifiedAt: Date | null
  orgMajors: string[]
  listingMajors: string[]
  staffCount: number | null
  technicalPostCount: number | null
  type: string
  direction: 'need' | 'offer'
  title: string
  description: string
  cityCode: string
  capacity: number
  startsOn: string
  endsOn: string
  details: Record<string, unknown>
  clusters: string[]
  updatedAt: Date
}

export const listingColumns = {
  id: listings.id,
  organisationId: listings.organisationId,
  organisationKind: organisations.kind,
  organisationName: organisations.name,
  verification: organisations.verification,
  verifiedAt: organisations.verifiedAt,
  orgMajors: organisations.majors,
  listingMajors: listings.majors,
  staffCount: organisations.staffCount,
  technicalPostCount: organisations.technicalPostCount,
  type: listings.type,
  direction: listings.direction,
  title: listings.title,
  description: sql<string>`left(${listings.description}, 400)`,
  cityCode: listings.cityCode,
  capacity: listings.capacity,
  startsOn: listings.startsOn,
  endsOn: listings.endsOn,
  details: listings.details,
  clusters: listingClusterCodes,
  updatedAt: listings.updatedAt,
}

/** Majors a listing is about: its majors column, else its own field in details, else its organisation's. */
export function majorsOf(details: Record<string, unknown>, orgMajors: readonly string[], listingMajors: readonly string[] = []): string[] {
  if (listingMajors.length) return [...listingMajors]
  const own = details.majors
  if (Array.isArray(own) && own.length) return own.map(String)
  if (typeof details.field === 'string' && details.field) return [details.field]
  return [...orgMajors]
}

const QUOTA_INDICATOR: Record<string, QuotaFacts['indicator']> = {
  internship: 'internship_post_ratio',
  teacher_practice: 'teacher_practice_ratio',
}

export type Context = {
  asOf: Date
  openMatches: Map<number, number>
  responsiveness: Awaited<ReturnType<ResponsivenessSource>>
  quotaPublished: Map<string, number>
}

/** An organisation verified after `asOf` was not verified then: an evaluation as of a past date must not see it so. */
function verificationAsOf(state: string, verifiedAt: Date | string | null, asOf: Date) {
  return state === 'verified' && verifiedAt && new Date(verifiedAt) > asOf ? 'unverified' : state
}

export function partyOf(row: ListingRow, ctx: Context): Party {
  const indicator = row.organisationKind === 'enterprise' ? QUOTA_INDICATOR[row.type] : undefined
  return {
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    type: row.type,
    clusters: row.clusters,
    majors: majorsOf(row.details, row.orgMajors, row.listingMajors),
    terms: keyTerms(`${row.title} ${row.description}`, `l${row.id}:${new Date(row.updatedAt).getTime()}`),
    cityCode: row.cityCode,
    window: { startsOn: row.startsOn, endsOn: row.endsOn },
    capacity: row.capacity,
    openMatches: ctx.openMatches.get(row.id) ?? 0,
    verification: verificationAsOf(row.verification, row.verifiedAt, ctx.asOf),
    responsiveness: ctx.responsiveness.get(row.organisationId),
    quota: indicator
      ? {
          indicator,
          base: indicator === 'internship_post_ratio' ? row.technicalPostCount : row.staffCount,
          threshold: indicatorThreshold(indicator),
          published: ctx.quotaPublished.get(`${row.organisationId}:${row.type}`) ?? 0,
        }
      : null,
  }
}

async function publishedQuotaPosts(organisationIds: number[], asOf: Date) {
  const year = asOf.getUTCFullYear()
  const rows = organisationIds.length
    ? await db
        .select({ org: listings.organisationId, type: listings.type, posts: sql<number>`coalesce(sum(${listings.capacity}), 0)::int` })
        .from(listings)
        .where(
          and(
            inArray(listings.organisationId, organisationIds),
            eq(listings.direction, 'offer'),
            inArray(listings.type, ['internship', 'teacher_practice']),
            inArray(listings.status, ['published', 'paused', 'closed', 'expired']),
            // Only what was out by then: an evaluation as of a past date must not count later posts.
            lte(listings.publishedAt, asOf),
            lte(listings.startsOn, `${year}-12-31`),
            gte(listings.endsOn, `${year}-01-01`),
          ),
        )
        .groupBy(listings.organisationId, listings.type)
    : []
  const byOrg = new Map<number, Record<string, number>>()
  for (const r of rows) byOrg.set(r.org, { ...byOrg.get(r.org), [r.type]: Number(r.posts) })
  return byOrg
}

/**
 * Matches still open (contact or negotiation) on each listing at `asOf`, as either side's listing: started
 * before, not yet signed, completed or ended by then. From the timestamps, not today's stage, so an evaluation
 * as of a past date sees the congestion of that day (a match open then and signed since still counted then).
 * Two reads that each walk an index (matches_listing_idx, matches_counterpart_listing_idx), where one
 * `id in (a, b)` join scanned every match.
 */
async function openMatchesOf(listingIds: number[], asOf: Date) {
  if (!listingIds.length) return []
  const stillOpen = (at: Column) => or(isNull(at), gt(at, asOf))
  const open = and(
    lt(matches.createdAt, asOf),
    stillOpen(matches.signedAt),
    stillOpen(matches.completedAt),
    stillOpen(matches.endedAt),
    // Today's open matches are those in an open stage; a later stage without its timestamp is not open.
    or(inArray(matches.stage, [...OPEN_STAGES]), isNotNull(matches.signedAt), isNotNull(matches.completedAt), isNotNull(matches.endedAt)),
  )
  const [own, counterpart] = await Promise.all([
    db
      .select({ listingId: sql<number>`${matches.listingId}`, n: sql<number>`count(*)::int` })
      .from(matches)
      .where(and(inArray(matches.listingId, listingIds), open))
      .groupBy(matches.listingId),
    db
      .select({ listingId: sql<number>`${matches.counterpartListingId}`, n: sql<number>`count(*)::int` })
      .from(matches)
      .where(and(inArray(matches.counterpartListingId, listingIds), open))
      .groupBy(matches.counterpartListingId),
  ])
  const total = new Map<number, number>()
  for (const r of [...own, ...counterpart]) total.set(Number(r.listingId), (total.get(Number(r.listingId)) ?? 0) + Number(r.n))
  return [...total].map(([listingId, n]) => ({ listingId, n }))
}

/**
 * The facts features need beyond the listings themselves. `live` (ranking now, not an evaluation
 * as of a past date) lets slow-changing per-organisation facts come from a five-minute cache.
 */
export async function loadContext(
  listingIds: number[],
  organisationIds: number[],
  asOf: Date,
  source: ResponsivenessSource,
  live = false,
): Promise<Context> {
  const year = asOf.getUTCFullYear()
  const quotaOf = (ids: number[]) => publishedQuotaPosts(ids, asOf)
  const responsivenessOf = async (ids: number[]) => {
    const found = await source({ organisationIds: ids, asOf })
    return new Map(ids.map((id) => [id, found.get(id) ?? null]))
  }
  const [open, responsiveness, quota] = await Promise.all([
    openMatchesOf(listingIds, asOf),
    live
      ? cachedByOrganisation({ name: 'responsiveness', organisationIds, load: responsivenessOf, empty: null })
      : responsivenessOf(organisationIds),
    live ? cachedByOrganisation({ name: `quota:${year}`, organisationIds, load: quotaOf, empty: {} }) : quotaOf(organisationIds),
  ])
  const quotaPublished = new Map<string, number>()
  for (const [org, counts] of quota) for (const [type, n] of Object.entries(counts ?? {})) quotaPublished.set(`${org}:${type}`, n)
  const known = new Map<number, Responsiveness>()
  for (const [org, r] of responsiveness) if (r) known.set(org, r)
  return { asOf, openMatches: new Map(open.map((r) => [Number(r.listingId), Number(r.n)])), responsiveness: known, quotaPublished }
}

/** Per-listing and per-organisation facts loaded in two parts, as one (each part keyed by ids, so a union). */
function mergeContexts(a: Context, b: Context): Context {
  return {
    asOf: a.asOf,
    openMatches: new Map([...b.openMatches, ...a.openMatches]),
    responsiveness: new Map([...b.responsiveness, ...a.responsiveness]),
    quotaPublished: new Map([...b.quotaPublished, ...a.quotaPublished]),
  }
}

async function dismissalsOf(organisationId: number | null) {
  if (!organisationId) return { listings: new Set<number>(), organisations: new Set<number>(), touched: new Set<number>() }
  const rows = await db
    .select({ listing: recommendationDismissals.targetListingId, org: recommendationDismissals.targetOrganisationId })
    .from(recommendationDismissals)
    .where(eq(recommendationDismissals.organisationId, organisationId))
  return {
    listings: new Set(rows.flatMap((r) => (r.listing ? [r.listing] : []))),
    organisations: new Set(rows.flatMap((r) => (r.listing ? [] : [r.org]))),
    touched: new Set(rows.map((r) => r.org)),
  }
}

/** The listing as the actor may see it: published, or their own organisation's, or any for platform admins. */
async function visibleListing(actor: Actor, id: number): Promise<ListingRow> {
  const [row] = await db
    .select({ ...listingColumns, status: listings.status })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(eq(listings.id, id))
  if (!row || (row.status !== 'published' && !isMemberOf(actor, row.organisationId) && !isPlatformAdmin(actor)))
    throw new DomainError('not_found', 'domain.notFound')
  return row as ListingRow
}

export type RecommendedListing = {
  listing: {
    id: number
    title: string
    type: string
    direction: 'need' | 'offer'
    cityCode: string
    capacity: number
    startsOn: string
    endsOn: string
  }
  organisation: { id: number; name: string; kind: string; verification: string }
  score: number
  forViewer: number
  forOther: number
  reasons: Reason[]
  /** The viewer's own listing this answers, for the start flow's `bring`. */
  viaListingId: number | null
}

export type RecommendedOrganisation = {
  organisation: { id: number; name: string; kind: string; cityCode: string; verification: string }
  score: number
  forViewer: number
  forOther: number
  reasons: Reason[]
  viaListingId: number | null
}

export type RecommendOptions = {
  limit?: number
  /** Rank as things stood then (offline evaluation): listings published before, matches created before. */
  asOf?: Date
  responsiveness?: ResponsivenessSource
  /** Rank by how well the counterpart fits the viewer only (the one-sided baseline). */
  oneSided?: boolean
}

const CLUSTER_CANDIDATES = 120
const REGION_CANDIDATES = 60
/** How many listings and organisations are scored with the history-based facts (at least three times the limit). */
const SHORTLIST = 80

/**
 * Candidates per counterpart type: the newest fitting listings of each of the source's clusters
 * (listing_clusters_live_idx) and the newest in its regional group (listings_type_direction_idx).
 * Each read walks an index and stops at its limit, so the cost stays flat as listings grow.
 */
async function candidateListings(source: ListingRow, asOf: Date | undefined) {
  const targets = COUNTERPARTS[`${source.type}:${source.direction}`] ?? []
  const region = regionOfCity.get(source.cityCode)
  const day = (asOf ?? new Date()).toISOString().slice(0, 10)
  const live = asOf
    ? and(
        inArray(listings.status, ['published', 'paused', 'closed', 'expired']),
        lte(listings.publishedAt, asOf),
        gte(listings.endsOn, day),
      )
    : and(eq(listings.status, 'published'), gte(listings.endsOn, day))
  const filters = (target: { type: string; direction: 'need' | 'offer' }) =>
    and(
      eq(listings.type, target.type),
      eq(listings.direction, target.direction),
      live,
      ne(listings.organisationId, source.organisationId),
      inArray(organisations.kind, partnerKinds(source.organisationKind, source.type)),
    )
  // Live ranking: the newest published listings of the target type and direction in a cluster, read first as
  // ids straight off listing_clusters_live_idx (0016; a LIMIT keeps the walk short whatever the cluster's size),
  // then joined for the remaining filters. An evaluation as of a past date needs past statuses, so it walks
  // the cluster's listings of any status instead.
  const byCluster = (target: { type: string; direction: 'need' | 'offer' }, cluster: string) => {
    const newest = db
      .select({ id: sql<number>`${listingClusters.listingId}`.as('candidate_id') })
      .from(listingClusters)
      .where(
        and(
          eq(listingClusters.clusterCode, cluster),
          eq(listingClusters.type, target.type),
          eq(listingClusters.direction, target.direction),
          // A literal, so the planner matches the partial index's predicate.
          sql`${listingClusters.status} = 'published'`,
        ),
      )
      .orderBy(desc(listingClusters.listingId))
      .limit(CLUSTER_CANDIDATES * 3)
      .as('newest')
    return asOf
      ? db
          .select(listingColumns)
          .from(listingClusters)
          .innerJoin(listings, eq(listings.id, listingClusters.listingId))
          .innerJoin(organisations, eq(organisations.id, listings.organisationId))
          .where(and(eq(listingClusters.clusterCode, cluster), filters(target)))
          .orderBy(desc(listingClusters.listingId))
          .limit(CLUSTER_CANDIDATES)
      : db
          .select(listingColumns)
          .from(newest)
          .innerJoin(listings, eq(listings.id, newest.id))
          .innerJoin(organisations, eq(organisations.id, listings.organisationId))
          .where(filters(target))
          .orderBy(desc(listings.id))
          .limit(CLUSTER_CANDIDATES)
  }
  const byRegion = (target: { type: string; direction: 'need' | 'offer' }, cities: string[]) =>
    db
      .select(listingColumns)
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
      .where(and(filters(target), inArray(listings.cityCode, cities)))
      .orderBy(sql`${listings.publishedAt} desc nulls last`)
      .limit(REGION_CANDIDATES)
  const reads = targets.flatMap((target) => [
    ...source.clusters.slice(0, 3).map((c) => byCluster(target, c)),
    region ? byRegion(target, region.cities) : Promise.resolve([]),
  ])
  const seen = new Set<number>()
  return (await Promise.all(reads)).flat().filter((row) => !seen.has(row.id) && seen.add(row.id)) as ListingRow[]
}

const NEARBY_KM = 150

/** The source's regional group and any city within NEARBY_KM, nearest first (the source's own city leads). */
export function nearbyCities(cityCode: string): string[] {
  const region = regionOfCity.get(cityCode)
  return [...cityByCode.keys()]
    .map((code) => ({ code, km: cityDistanceKm(cityCode, code) }))
    .filter(({ code, km }) => km !== null && (km <= NEARBY_KM || region?.cities.includes(code)))
    .sort((a, b) => a.km! - b.km! || a.code.localeCompare(b.code))
    .map(({ code }) => code)
}

/**
 * Organisations that could take the other side, with or without a listing of their own: the union of
 * those sharing a cluster with the listing and those nearby (its regional group, nearest city first).
 * Half of the demo's partnerships are between organisations in one region with no cluster in common,
 * as in life: a college places students with the enterprises of its own city whatever their industry.
 */
async function candidateOrganisations(source: ListingRow, asOf: Date | undefined) {
  const columns = {
    id: organisations.id,
    name: organisations.name,
    kind: organisations.kind,
    cityCode: organisations.cityCode,
    verification: organisations.verification,
    verifiedAt: organisations.verifiedAt,
    majors: organisations.majors,
    description: sql<string>`left(${organisations.description}, 400)`,
    updatedAt: organisations.updatedAt,
    staffCount: organisations.staffCount,
    technicalPostCount: organisations.technicalPostCount,
    clusters: sql<string[]>`array(select oc.cluster_code from organisation_clusters oc where oc.organisation_id = ${organisations.id})`,
  }
  const fitting = and(
    ne(organisations.id, source.organisationId),
    inArray(organisations.kind, partnerKinds(source.organisationKind, source.type)),
    asOf ? lte(organisations.createdAt, asOf) : undefined,
  )
  // Each read walks an index in order and stops at its limit, whatever the cluster's or city's size:
  // organisation_clusters_cluster_idx (newest first) and organisations_city_kind_idx (verified first, then newest).
  const byCluster = source.clusters.slice(0, 3).map((cluster) =>
    db
      .select(columns)
      .from(organisationClusters)
      .innerJoin(organisations, eq(organisations.id, organisationClusters.organisationId))
      .where(and(eq(organisationClusters.clusterCode, cluster), fitting))
      .orderBy(desc(organisationClusters.organisationId))
      .limit(ORG_CANDIDATE_LIMIT),
  )
  const cities = nearbyCities(source.cityCode)
  const perCity = Math.max(20, Math.ceil((2 * ORG_CANDIDATE_LIMIT) / Math.max(1, cities.length)))
  const byCity = cities.map((city) =>
    db
      .select(columns)
      .from(organisations)
      .where(and(fitting, eq(organisations.cityCode, city)))
      .orderBy(sql`(${organisations.verification} = 'verified') desc`, desc(organisations.id))
      .limit(perCity),
  )
  const seen = new Set<number>()
  return (await Promise.all([...byCluster, ...byCity])).flat().filter((o) => !seen.has(o.id) && seen.add(o.id))
}

/**
 * The candidate reads alone: the benchmark's floor (what ranking costs before features and scoring) and
 * its candidate recall (is the hidden partner among the organisations ranking will see at all).
 */
export async function candidatesFor({ actor, listingId, asOf }: { actor: Actor; listingId: number; asOf?: Date }) {
  const source = await visibleListing(actor, listingId)
  const [found, orgs] = await Promise.all([candidateListings(source, asOf), candidateOrganisations(source, asOf)])
  return { listings: found.length, organisationIds: new Set([...found.map((l) => l.organisationId), ...orgs.map((o) => o.id)]) }
}

/**
 * Ranked counterpart listings and organisations for one listing, two-sided, with the viewer's top
 * three reasons. 404 (DomainError not_found) for a listing the actor may not see.
 */
export async function recommendForListing({
  actor,
  listingId,
  options = {},
}: {
  actor: Actor
  listingId: number
  options?: RecommendOptions
}): Promise<{ listings: RecommendedListing[]; organisations: RecommendedOrganisation[] }> {
  const source = await visibleListing(actor, listingId)
  const viewerOrg = actor.kind === 'user' && isMemberOf(actor, source.organisationId) ? source.organisationId : null
  return rankFor(source, viewerOrg, options)
}

type OrganisationCandidate = Awaited<ReturnType<typeof candidateOrganisations>>[number]

/** An organisation as the other party when it has no fitting listing: its profile, for the listing's type. */
function organisationPartyOf(o: OrganisationCandidate, type: string, ctx: Context): Party {
  const indicator = o.kind === 'enterprise' ? QUOTA_INDICATOR[type] : undefined
  return {
    organisationId: o.id,
    organisationKind: o.kind,
    type,
    clusters: o.clusters,
    majors: o.majors,
    terms: keyTerms(o.description, `o${o.id}:${new Date(o.updatedAt).getTime()}`),
    cityCode: o.cityCode,
    window: null,
    capacity: 1,
    openMatches: 0,
    verification: verificationAsOf(o.verification, o.verifiedAt, ctx.asOf),
    responsiveness: ctx.responsiveness.get(o.id),
    quota: indicator
      ? {
          indicator,
          base: indicator === 'internship_post_ratio' ? o.technicalPostCount : o.staffCount,
          threshold: indicatorThreshold(indicator),
          published: ctx.quotaPublished.get(`${o.id}:${type}`) ?? 0,
        }
      : null,
  }
}

async function rankFor(source: ListingRow, viewerOrg: number | null, options: RecommendOptions) {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 50)
  const asOf = options.asOf ?? new Date()
  const dismissedRead = dismissalsOf(viewerOrg)
  const rank = (pair: ReturnType<typeof scorePair>) => (options.oneSided ? pair.forViewer : pair.score)
  // Shortlist on the features the rows carry, then load the per-listing and per-organisation facts
  // (open matches, responsiveness, quota: reads over the match history) for the shortlist only.
  const blank: Context = { asOf, openMatches: new Map(), responsiveness: new Map(), quotaPublished: new Map() }
  const blankViewer = partyOf(source, blank)
  const keep = Math.max(SHORTLIST, 3 * limit)
  const shortlist = <T>(rows: T[], party: (row: T, ctx: Context) => Party) =>
    rows
      .map((row) => ({ row, pre: rank(scorePair(blankViewer, party(row, blank))) }))
      .sort((a, b) => b.pre - a.pre)
      .slice(0, keep)
      .map((r) => r.row)
  const contextOf = (listingIds: number[], organisationIds: number[]) =>
    loadContext(listingIds, [...new Set(organisationIds)], asOf, options.responsiveness ?? trackingResponsiveness, !options.asOf)
  // Listings and organisations are shortlisted independently, so each branch loads its facts as soon as its
  // own candidates are in, while the other's reads are still running: the wait is the slower branch, not the sum.
  const listingBranch = Promise.all([candidateListings(source, options.asOf), dismissedRead]).then(async ([all, dismissed]) => {
    const rows = shortlist(
      all.filter((c) => !dismissed.listings.has(c.id) && !dismissed.organisations.has(c.organisationId)),
      partyOf,
    )
    const facts = await contextOf([source.id, ...rows.map((c) => c.id)], [source.organisationId, ...rows.map((c) => c.organisationId)])
    return { rows, facts }
  })
  const organisationBranch = Promise.all([candidateOrganisations(source, options.asOf), dismissedRead]).then(async ([all, dismissed]) => {
    const rows = shortlist(
      all.filter((o) => !dismissed.organisations.has(o.id)),
      (o, ctx) => organisationPartyOf(o, source.type, ctx),
    )
    return {
      rows,
      facts: await contextOf(
        [],
        rows.map((o) => o.id),
      ),
    }
  })
  const [dismissed, { rows: candidates, facts: listingFacts }, { rows: orgCandidates, facts: orgFacts }] = await Promise.all([
    dismissedRead,
    listingBranch,
    organisationBranch,
  ])
  const ctx = mergeContexts(listingFacts, orgFacts)
  const viewer = partyOf(source, ctx)

  const scored: RecommendedListing[] = []
  for (const c of candidates) {
    if (dismissed.listings.has(c.id) || dismissed.organisations.has(c.organisationId)) continue
    const pair = scorePair(viewer, partyOf(c, ctx))
    const penalty = dismissed.touched.has(c.organisationId) ? ORG_DISMISSAL_PENALTY : 1
    scored.push({
      listing: {
        id: c.id,
        title: c.title,
        type: c.type,
        direction: c.direction,
        cityCode: c.cityCode,
        capacity: c.capacity,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
      },
      organisation: { id: c.organisationId, name: c.organisationName, kind: c.organisationKind, verification: c.verification },
      score: rank(pair) * penalty,
      forViewer: pair.forViewer,
      forOther: pair.forOther,
      reasons: pair.reasons,
      viaListingId: source.id,
    })
  }
  scored.sort((a, b) => b.score - a.score || a.listing.id - b.listing.id)

  // Organisations: their best listing, or their profile when they have no fitting listing.
  const byOrg = new Map<number, RecommendedOrganisation>()
  for (const s of scored) {
    if (byOrg.has(s.organisation.id)) continue
    const cand = candidates.find((c) => c.id === s.listing.id)!
    byOrg.set(s.organisation.id, {
      organisation: {
        id: s.organisation.id,
        name: s.organisation.name,
        kind: s.organisation.kind,
        cityCode: cand.cityCode,
        verification: s.organisation.verification,
      },
      score: s.score,
      forViewer: s.forViewer,
      forOther: s.forOther,
      reasons: s.reasons,
      viaListingId: source.id,
    })
  }
  for (const o of orgCandidates) {
    if (dismissed.organisations.has(o.id)) continue
    const party = organisationPartyOf(o, source.type, ctx)
    const pair = scorePair(viewer, party)
    const score = rank(pair) * (dismissed.touched.has(o.id) ? ORG_DISMISSAL_PENALTY : 1)
    const existing = byOrg.get(o.id)
    if (existing && existing.score >= score) continue
    byOrg.set(o.id, {
      organisation: { id: o.id, name: o.name, kind: o.kind, cityCode: o.cityCode, verification: o.verification },
      score,
      forViewer: pair.forViewer,
      forOther: pair.forOther,
      reasons: pair.reasons,
      viaListingId: source.id,
    })
  }
  const orgs = [...byOrg.values()].sort((a, b) => b.score - a.score || a.organisation.id - b.organisation.id)
  return { listings: scored.slice(0, limit), organisations: orgs.slice(0, limit) }
}

/** "Recommended for you" on the dashboard: the best counterparts over the organisation's live listings. */
export async function recommendForOrganisation({
  actor,
  organisationId,
  limit = 10,
}: {
  actor: Actor
  organisationId: number
  limit?: number
}) {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'domain.forbidden')
  const own = await db
    .select(listingColumns)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(eq(listings.organisationId, organisationId), eq(listings.status, 'published')))
    .orderBy(desc(listings.publishedAt))
    .limit(5)
  const results = await Promise.all(own.map((l) => rankFor(l as ListingRow, organisationId, { limit })))
  const bestListing = new Map<number, RecommendedListing>()
  const bestOrg = new Map<number, RecommendedOrganisation>()
  for (const r of results) {
    for (const l of r.listings) if ((bestListing.get(l.listing.id)?.score ?? -1) < l.score) bestListing.set(l.listing.id, l)
    for (const o of r.organisations) if ((bestOrg.get(o.organisation.id)?.score ?? -1) < o.score) bestOrg.set(o.organisation.id, o)
  }
  return {
    listings: [...bestListing.values()].sort((a, b) => b.score - a.score).slice(0, limit),
    organisations: [...bestOrg.values()].sort((a, b) => b.score - a.score).slice(0, limit),
  }
}

/**
 * For a visitor who may act on a listing: which of their own organisation's live listings answer it
 * best, scored from the visitor's side, so one click starts a match bringing that listing.
 */
export async function rankOwnListingsFor({ actor, listingId, limit = 3 }: { actor: Actor; listingId: number; limit?: number }) {
  const target = await visibleListing(actor, listingId)
  const orgId = actor.kind === 'user' ? actor.activeOrganisationId : null
  if (!orgId || !isMemberOf(actor, orgId) || orgId === target.organisationId) return []
  const own = (await db
    .select(listingColumns)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(and(eq(listings.organisationId, orgId), eq(listings.status, 'published')))
    .orderBy(desc(listings.publishedAt))
    .limit(100)) as ListingRow[]
  const fitting = own.filter((l) =>
    (COUNTERPARTS[`${l.type}:${l.direction}`] ?? []).some((t) => t.type === target.type && t.direction === target.direction),
  )
  if (!fitting.length) return []
  const ctx = await loadContext(
    [target.id, ...fitting.map((l) => l.id)],
    [orgId, target.organisationId],
    new Date(),
    trackingResponsiveness,
  )
  const other = partyOf(target, ctx)
  return fitting
    .map((l) => {
      const pair = scorePair(partyOf(l, ctx), other)
      return {
        listing: { id: l.id, title: l.title, type: l.type, direction: l.direction },
        score: pair.score,
        forViewer: pair.forViewer,
        forOther: pair.forOther,
        reasons: pair.reasons,
      }
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}
