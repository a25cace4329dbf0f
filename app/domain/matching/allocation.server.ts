import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { db } from '~/db.server'
import { parseCapLines, parseRequestLines, type CapLine, type InputProblem, type RequestLine } from '~/lib/allocation-input'
import type { MessageKey } from '~/lib/i18n'
import { cityByCode, regionByCode, regionOfCity } from '../../../db/reference'
import { allocationRuns, completeListingColumns, listings, organisationClusters, organisations } from '~/db.server'
import { citiesInScope } from '../accounts/guards.server'
import { isMemberOf, type Actor, type GovScope } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import {
  allocate,
  expandRequest,
  findBlockingPairs,
  type AllocationInput,
  type AllocationProblem,
  type AllocationVariant,
  type UnassignedReason,
} from './allocation'
import { openIntentMatches } from './intent.server'
import { listingColumns, loadContext, majorsOf, partyOf, type ListingRow } from './recommend.server'
import { trackingResponsiveness } from './responsiveness.server'
import { directionalFit, scorePair, type Party } from './score'
import { keyTerms } from './terms.server'

const COLLEGE_KINDS = ['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary']
/** How many posts a request ranks when the runner names none: the recommendation's top list. */
const DEFAULT_CHOICES = 15

export type AllocationScope =
  { kind: 'college'; organisationId: number; cities: string[] } | { kind: 'gov'; scope: GovScope; cities: string[] }

/** A college for its own students, or a government user for its area; nobody else. */
export async function allocationScopeOf(actor: Actor): Promise<AllocationScope> {
  if (actor.kind === 'user' && actor.govScope) return { kind: 'gov', scope: actor.govScope, cities: citiesInScope(actor.govScope) }
  const orgId = actor.kind === 'user' ? actor.activeOrganisationId : null
  if (orgId && isMemberOf(actor, orgId)) {
    const [org] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, orgId))
    if (org && COLLEGE_KINDS.includes(org.kind)) return { kind: 'college', organisationId: orgId, cities: [...regionOfCity.keys()] }
  }
  throw new DomainError('forbidden', 'allocation.error.scope')
}

export type AllocationForm = { periodStart: string; periodEnd: string; requests: string; caps: string }
export type AllocationStep = 'input' | 'rank' | 'allocate'
/** `onStep`, for the command line: which step is starting. */
type AllocationRequest = { actor: Actor; form: AllocationForm; onStep?: (step: AllocationStep) => void }

type Request = RequestLine & { id: string; collegeId: number; collegeName: string; needListingId: number | null }

export type AllocationView = {
  variant: AllocationVariant
  summary: { assigned: number; unassigned: number; posts: number; places: number }
  /** Pairs that would rather have each other than what they got; a stable result has none. */
  blockingPairs: number
  requests: {
    id: string
    line: number
    major: string
    headcount: number
    collegeId: number
    collegeName: string
    needListingId: number | null
  }[]
  assignments: {
    requestId: string
    postId: number
    postTitle: string
    enterpriseId: number
    enterpriseName: string
    cityCode: string
    count: number
    choice: number
    choices: number
  }[]
  unassigned: { requestId: string; reason: UnassignedReason; count: number; choices: number }[]
  regionCounts: Record<string, number>
  effectiveCaps: Record<string, number>
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function invalid(problem: InputProblem, field: string): never {
  throw new DomainError('invalid', problem.key as MessageKey, { field, vars: problem.vars })
}

/** Published internship listings in one direction whose window touches the period, inside the scope's cities. */
async function internshipsFor({
  scope,
  form,
  direction,
  kind,
  limit,
}: {
  scope: AllocationScope
  form: AllocationForm
  direction: 'offer' | 'need'
  kind: SQL
  limit: number
}) {
  return (await db
    .select(listingColumns)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.organisationId))
    .where(
      and(
        eq(listings.type, 'internship'),
        eq(listings.direction, direction),
        eq(listings.status, 'published'),
        kind,
        inArray(listings.cityCode, scope.cities),
        lte(listings.startsOn, form.periodEnd),
        gte(listings.endsOn, form.periodStart),
      ),
    )
    .orderBy(listings.id)
    .limit(limit)) as ListingRow[]
}

/** The supply: enterprises' posts. */
const postsFor = (scope: AllocationScope, form: AllocationForm) =>
  internshipsFor({ scope, form, direction: 'offer', kind: eq(organisations.kind, 'enterprise'), limit: 5000 })

/** The demand: typed lines for a college; for a government user, the colleges' published internship needs in its area. */
async function requestsFor(scope: AllocationScope, form: AllocationForm): Promise<Request[]> {
  if (scope.kind === 'college') {
    const { requests, problems } = parseRequestLines(form.requests)
    if (problems.length) invalid(problems[0]!, 'requests')
    const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, scope.organisationId))
    return requests.map((r, i) => ({ ...r, id: `r${i + 1}`, collegeId: scope.organisationId, collegeName: org!.name, needListingId: null }))
  }
  const needs = await internshipsFor({ scope, form, direction: 'need', kind: inArray(organisations.kind, COLLEGE_KINDS), limit: 2000 })
  return needs.map((n, i) => ({
    id: `r${i + 1}`,
    line: i + 1,
    major: majorsOf(n.details, n.orgMajors, n.listingMajors)[0] ?? '',
    headcount: Math.max(1, Math.min(2000, Number(n.details.headcount ?? n.capacity) || n.capacity)),
    cities: [n.cityCode],
    clusters: n.clusters,
    listingIds: [],
    collegeId: n.organisationId,
    collegeName: n.organisationName,
    needListingId: n.id,
  }))
}

const PROBLEM_KEYS: Record<AllocationProblem['code'], MessageKey> = {
  no_units: 'allocation.error.noRequests',
  no_posts: 'allocation.error.noPosts',
  duplicate_id: 'allocation.error.duplicate',
  zero_capacity: 'allocation.error.zeroCapacity',
  unknown_post: 'allocation.error.foreignPost',
  cap_invalid: 'allocation.error.capInvalid',
  floor_unmeetable: 'allocation.error.floorUnmeetable',
}

function problemError(problem: AllocationProblem, postTitle: (id: string) => string): never {
  const field = problem.code === 'cap_invalid' || problem.code === 'floor_unmeetable' ? 'caps' : 'requests'
  const vars: Record<string, string | number> =
    problem.code === 'zero_capacity'
      ? { post: postTitle(problem.post) }
      : problem.code === 'unknown_post'
        ? { post: `#${problem.post}` }
        : problem.code === 'cap_invalid'
          ? { region: regionByCode.get(problem.region)?.name ?? problem.region }
          : problem.code === 'floor_unmeetable'
            ? { region: regionByCode.get(problem.region)?.name ?? problem.region, min: problem.min, reachable: problem.reachable }
            : problem.code === 'duplicate_id'
              ? { id: problem.id }
              : {}
  throw new DomainError('invalid', PROBLEM_KEYS[problem.code], { field, vars })
}

/**
 * Runs an allocation without saving it: demand against posts, preferences defaulting to the
 * recommendation ranking, the enterprise's view (how well the college fits its post) as priority.
 * Bad input is a DomainError naming the field; nothing is written.
 */
export async function runAllocation({ actor, form, onStep }: AllocationRequest): Promise<AllocationView> {
  const scope = await allocationScopeOf(actor)
  if (!ISO_DAY.test(form.periodStart) || !ISO_DAY.test(form.periodEnd) || form.periodStart > form.periodEnd)
    throw new DomainError('invalid', 'allocation.error.period', { field: 'periodStart' })
  const { caps, problems: capProblems } = parseCapLines(form.caps)
  if (capProblems.length) invalid(capProblems[0]!, 'caps')
  onStep?.('input')
  const [posts, requests] = await Promise.all([postsFor(scope, form), requestsFor(scope, form)])
  if (!requests.length) throw new DomainError('invalid', 'allocation.error.noRequests', { field: 'requests' })
  if (!posts.length) throw new DomainError('invalid', 'allocation.error.noPosts', { field: 'requests' })
  const postById = new Map(posts.map((p) => [p.id, p]))
  for (const r of requests)
    for (const id of r.listingIds)
      if (!postById.has(id))
        throw new DomainError('invalid', 'allocation.error.foreignPost', { field: 'requests', vars: { post: `#${id}` } })

  onStep?.('rank')
  const colleges = [...new Set(requests.map((r) => r.collegeId))]
  const ctx = await loadContext(
    posts.map((p) => p.id),
    [...new Set([...posts.map((p) => p.organisationId), ...colleges])],
    new Date(),
    trackingResponsiveness,
  )
  const collegeRows = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      cityCode: organisations.cityCode,
      verification: organisations.verification,
      description: organisations.description,
      clusters: sql<string[]>`array(select oc.cluster_code from ${organisationClusters} oc where oc.organisation_id = ${organisations.id})`,
    })
    .from(organisations)
    .where(inArray(organisations.id, colleges))
  const collegeById = new Map(collegeRows.map((c) => [c.id, c]))
  const postParties = new Map(posts.map((p) => [p.id, partyOf(p, ctx)]))

  const priorities = new Map<string, number>()
  const units = requests.flatMap((r) => {
    const college = collegeById.get(r.collegeId)!
    const party: Party = {
      organisationId: college.id,
      organisationKind: college.kind,
      type: 'internship',
      clusters: r.clusters.length ? r.clusters : college.clusters,
      majors: [r.major],
      terms: keyTerms(`${r.major} ${college.description}`),
      cityCode: r.cities[0] ?? college.cityCode,
      window: { startsOn: form.periodStart, endsOn: form.periodEnd },
      capacity: r.headcount,
      openMatches: 0,
      verification: college.verification,
      responsiveness: ctx.responsiveness.get(college.id),
      quota: null,
    }
    const eligible = r.listingIds.length
      ? r.listingIds.map((id) => postById.get(id)!)
      : posts.filter(
          (p) =>
            (!r.cities.length || r.cities.includes(p.cityCode)) && (!r.clusters.length || p.clusters.some((c) => r.clusters.includes(c))),
        )
    const ranked = eligible
      .map((p) => ({ p, score: Math.round(scorePair(party, postParties.get(p.id)!).score * 1000) }))
      .sort((a, b) => b.score - a.score || a.p.id - b.p.id)
    const chosen = r.listingIds.length ? ranked : ranked.slice(0, DEFAULT_CHOICES)
    // Explicit listings keep the runner's order; otherwise equal scores are equal ranks (ties).
    const preferences = r.listingIds.length
      ? r.listingIds.map((id, k) => ({ post: String(id), rank: k + 1 }))
      : chosen.map((c) => ({ post: String(c.p.id), rank: -c.score }))
    for (const c of chosen) priorities.set(`${r.id}|${c.p.id}`, Math.round(directionalFit(postParties.get(c.p.id)!, party).score * 1000))
    return expandRequest({ id: r.id, major: r.major, headcount: r.headcount, preferences })
  })

  onStep?.('allocate')
  const input: AllocationInput = {
    units,
    posts: posts.map((p) => ({
      id: String(p.id),
      capacity: p.capacity,
      region: regionOfCity.get(p.cityCode)!.code,
      majors: majorsOf(p.details, [], p.listingMajors),
    })),
    priority: (unit, post) => priorities.get(`${unit.split('#')[0]}|${post}`) ?? 0,
    caps: caps.map((c: CapLine) => ({ region: c.region, max: c.max, min: c.min })),
  }
  const result = allocate(input)
  if (!result.ok) problemError(result.problems[0]!, (id) => postById.get(Number(id))?.title ?? id)

  const grouped = new Map<string, AllocationView['assignments'][number]>()
  for (const a of result.assignments) {
    const requestId = a.unit.split('#')[0]!
    const key = `${requestId}|${a.post}`
    const existing = grouped.get(key)
    if (existing) existing.count++
    else {
      const post = postById.get(Number(a.post))!
      grouped.set(key, {
        requestId,
        postId: post.id,
        postTitle: post.title,
        enterpriseId: post.organisationId,
        enterpriseName: post.organisationName,
        cityCode: post.cityCode,
        count: 1,
        choice: a.choice,
        choices: a.choices,
      })
    }
  }
  const missing = new Map<string, AllocationView['unassigned'][number]>()
  for (const u of result.unassigned) {
    const requestId = u.unit.split('#')[0]!
    const key = `${requestId}|${u.reason}`
    const existing = missing.get(key)
    if (existing) existing.count++
    else missing.set(key, { requestId, reason: u.reason, count: 1, choices: u.choices })
  }
  return {
    variant: result.variant,
    summary: {
      assigned: result.assignments.length,
      unassigned: result.unassigned.length,
      posts: posts.length,
      places: posts.reduce((s, p) => s + p.capacity, 0),
    },
    blockingPairs: findBlockingPairs(input, result).length,
    requests: requests.map((r) => ({
      id: r.id,
      line: r.line,
      major: r.major,
      headcount: r.headcount,
      collegeId: r.collegeId,
      collegeName: r.collegeName,
      needListingId: r.needListingId,
    })),
    assignments: [...grouped.values()],
    unassigned: [...missing.values()],
    regionCounts: result.regionCounts,
    effectiveCaps: result.effectiveCaps,
  }
}

/** Runs and saves a draft (input and result), to come back to, compare and publish. */
export async function saveAllocationDraft({ actor, form, onStep }: AllocationRequest) {
  const view = await runAllocation({ actor, form, onStep })
  const scope = await allocationScopeOf(actor)
  const [row] = await db
    .insert(allocationRuns)
    .values({
      organisationId: scope.kind === 'college' ? scope.organisationId : null,
      govScopeType: scope.kind === 'gov' ? scope.scope.type : null,
      govScopeCode: scope.kind === 'gov' ? scope.scope.code : null,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      input: form,
      result: view,
    })
    .returning({ id: allocationRuns.id })
  return row!.id
}

const scopeFilter = (scope: AllocationScope) =>
  scope.kind === 'college'
    ? eq(allocationRuns.organisationId, scope.organisationId)
    : and(eq(allocationRuns.govScopeType, scope.scope.type), eq(allocationRuns.govScopeCode, scope.scope.code))

export async function listAllocationRuns({ actor }: { actor: Actor }) {
  const scope = await allocationScopeOf(actor)
  const rows = await db
    .select({
      id: allocationRuns.id,
      status: allocationRuns.status,
      periodStart: allocationRuns.periodStart,
      periodEnd: allocationRuns.periodEnd,
      createdAt: allocationRuns.createdAt,
      result: allocationRuns.result,
    })
    .from(allocationRuns)
    .where(scopeFilter(scope))
    .orderBy(desc(allocationRuns.id))
    .limit(50)
  return rows.map(({ result, ...r }) => ({ ...r, summary: (result as unknown as AllocationView).summary }))
}

export async function getAllocationRun({ actor, id }: { actor: Actor; id: number }) {
  const scope = await allocationScopeOf(actor)
  const [row] = await db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.id, id), scopeFilter(scope)))
  if (!row) throw new DomainError('not_found', 'allocation.error.notFound')
  return { ...row, input: row.input as unknown as AllocationForm, result: row.result as unknown as AllocationView }
}

/** Per student (request and position), where each of two runs placed them. */
export function compareRuns(a: AllocationView, b: AllocationView) {
  const seats = (view: AllocationView) => {
    const map = new Map<string, number[]>()
    for (const x of view.assignments) map.set(x.requestId, [...(map.get(x.requestId) ?? []), ...Array(x.count).fill(x.postId)])
    for (const list of map.values()) list.sort((p, q) => p - q)
    return map
  }
  const left = seats(a)
  const right = seats(b)
  const requests = new Map([...a.requests, ...b.requests].map((r) => [r.id, r]))
  let same = 0
  let moved = 0
  const rows = [...requests.values()].map((r) => {
    const l = [...(left.get(r.id) ?? [])]
    const rr = [...(right.get(r.id) ?? [])]
    let common = 0
    for (const p of l) {
      const k = rr.indexOf(p)
      if (k >= 0) {
        common++
        rr.splice(k, 1)
      }
    }
    const total = Math.max(r.headcount, l.length, (right.get(r.id) ?? []).length)
    same += common
    moved += total - common
    return {
      requestId: r.id,
      major: r.major,
      collegeName: r.collegeName,
      headcount: r.headcount,
      assignedA: l.length,
      assignedB: (right.get(r.id) ?? []).length,
      same: common,
    }
  })
  return { same, moved, rows }
}

/**
 * Publishes a draft: one match at the intent stage (`contact`) per college and post, with the stage_change event, both
 * sides notified, all in one transaction; posts that closed since the draft refuse the whole run.
 */
export async function publishAllocationRun({ actor, id }: { actor: Actor; id: number }) {
  const run = await getAllocationRun({ actor, id })
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'domain.forbidden')
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: allocationRuns.status }).from(allocationRuns).where(eq(allocationRuns.id, id)).for('update')
    if (locked?.status !== 'draft') throw new DomainError('conflict', 'allocation.error.alreadyPublished')
    const postIds = [...new Set(run.result.assignments.map((a) => a.postId))]
    const live = postIds.length
      ? await tx
          .select({ id: listings.id })
          .from(listings)
          .where(and(inArray(listings.id, postIds), eq(listings.status, 'published')))
      : []
    const closed = postIds.find((p) => !live.some((l) => l.id === p))
    if (closed) throw new DomainError('invalid', 'allocation.error.foreignPost', { vars: { post: `#${closed}` } })
    const requests = new Map(run.result.requests.map((r) => [r.id, r]))
    const pairs = new Map<
      string,
      {
        collegeId: number
        collegeName: string
        needListingId: number | null
        post: AllocationView['assignments'][number]
        count: number
        major: string
      }
    >()
    for (const a of run.result.assignments) {
      const r = requests.get(a.requestId)!
      const key = `${r.collegeId}|${a.postId}`
      const existing = pairs.get(key)
      if (existing) existing.count += a.count
      else
        pairs.set(key, {
          collegeId: r.collegeId,
          collegeName: r.collegeName,
          needListingId: r.needListingId,
          post: a,
          count: a.count,
          major: r.major,
        })
    }
    const created = await openIntentMatches(tx, actor, [...pairs.values()])
    await tx.update(allocationRuns).set({ status: 'published', publishedAt: new Date() }).where(eq(allocationRuns.id, id))
    await recordAudit(tx, {
      actor,
      organisationId: run.organisationId,
      action: 'allocation.publish',
      entity: 'allocation_run',
      entityId: id,
      summary: { matches: created, pairs: pairs.size },
    })
    return { created }
  })
}

/** What the form starts with: a college's own published internship needs as demand lines, and their period. */
export async function allocationDefaults({ actor, today = new Date() }: { actor: Actor; today?: Date }) {
  const scope = await allocationScopeOf(actor)
  const day = (d: Date) => d.toISOString().slice(0, 10)
  const fallback = { periodStart: day(today), periodEnd: day(new Date(today.getTime() + 120 * 86_400_000)) }
  if (scope.kind === 'gov') return { scope, form: { ...fallback, requests: '', caps: '' } }
  const needs = await db
    .select({ details: listings.details, ...completeListingColumns })
    .from(listings)
    .where(
      and(
        eq(listings.organisationId, scope.organisationId),
        eq(listings.type, 'internship'),
        eq(listings.direction, 'need'),
        eq(listings.status, 'published'),
      ),
    )
    .orderBy(listings.startsOn)
    .limit(30)
  if (!needs.length) return { scope, form: { ...fallback, requests: '', caps: '' } }
  const lines = needs.map((n) => {
    const major = majorsOf(n.details, [])[0]
    const headcount = Number(n.details.headcount ?? n.capacity) || n.capacity
    return major ? `${major}, ${headcount}, ${cityByCode.get(n.cityCode)?.name ?? n.cityCode}` : null
  })
  return {
    scope,
    form: {
      periodStart: needs.map((n) => n.startsOn).sort()[0]!,
      periodEnd: needs
        .map((n) => n.endsOn)
        .sort()
        .at(-1)!,
      requests: lines.filter(Boolean).join('\n'),
      caps: '',
    },
  }
}
