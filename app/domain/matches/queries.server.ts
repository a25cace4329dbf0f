import { and, asc, desc, eq, exists, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { alias, type PgSelect } from 'drizzle-orm/pg-core'
import { db } from '~/db.server'
import { listings, matchAttachments, matchEvents, matchProposals, matches, organisations, users, type MatchStage } from '~/db.server'
import { isMemberOf, isPlatformAdmin, type Actor } from '../actor'
import { DomainError } from '../errors.server'
import { sideOf, startBlockOf, type StartBlock } from './mutations.server'
import { DECLINE_REASONS, END_REASONS, OPEN_STAGES, allowedActions, type OpenProposal } from './transitions'

export const STALE_DAYS = 30
const DAY = 86_400_000
const TIMELINE_LIMIT = 300

/** One match as its parties see it (platform admins: read-only). Government users and strangers get 404. */
export async function getMatch({ actor, id, now = new Date() }: { actor: Actor; id: number; now?: Date }) {
  const [match] = await db.select().from(matches).where(eq(matches.id, id))
  if (!match) throw new DomainError('not_found', 'match.notFound')
  const who = sideOf(actor, match)
  if (!who && !isPlatformAdmin(actor)) throw new DomainError('not_found', 'match.notFound')
  const mineId = who?.organisationId ?? match.initiatorOrganisationId
  const theirsId = mineId === match.initiatorOrganisationId ? match.partnerOrganisationId : match.initiatorOrganisationId

  const orgColumns = {
    id: organisations.id,
    name: organisations.name,
    kind: organisations.kind,
    city: organisations.cityCode,
    staffCount: organisations.staffCount,
    contactName: organisations.contactName,
    contactPhone: organisations.contactPhone,
    contactEmail: organisations.contactEmail,
  }
  const listingIds = [match.listingId, match.counterpartListingId].filter((x): x is number => x !== null)
  const [orgRows, listingRows, events, attachments, proposals] = await Promise.all([
    db
      .select(orgColumns)
      .from(organisations)
      .where(inArray(organisations.id, [mineId, theirsId])),
    listingIds.length
      ? db
          .select({
            id: listings.id,
            title: listings.title,
            organisationId: listings.organisationId,
            capacity: listings.capacity,
            direction: listings.direction,
          })
          .from(listings)
          .where(inArray(listings.id, listingIds))
      : Promise.resolve([]),
    db
      .select({
        id: matchEvents.id,
        seq: matchEvents.seq,
        kind: matchEvents.kind,
        fromStage: matchEvents.fromStage,
        toStage: matchEvents.toStage,
        body: matchEvents.body,
        data: matchEvents.data,
        proposalId: matchEvents.proposalId,
        attachmentId: matchEvents.attachmentId,
        organisationId: matchEvents.actorOrganisationId,
        userName: users.name,
        createdAt: matchEvents.createdAt,
      })
      .from(matchEvents)
      .leftJoin(users, eq(users.id, matchEvents.actorUserId))
      .where(eq(matchEvents.matchId, id))
      .orderBy(desc(matchEvents.createdAt), desc(matchEvents.id))
      .limit(TIMELINE_LIMIT),
    db
      .select({
        id: matchAttachments.id,
        fileName: matchAttachments.fileName,
        sizeBytes: matchAttachments.sizeBytes,
        organisationId: matchAttachments.organisationId,
        createdAt: matchAttachments.createdAt,
      })
      .from(matchAttachments)
      .where(eq(matchAttachments.matchId, id))
      .orderBy(asc(matchAttachments.id)),
    db.select().from(matchProposals).where(eq(matchProposals.matchId, id)),
  ])
  const open = proposals.find((p) => p.status === 'open')
  const mine = orgRows.find((o) => o.id === mineId)!
  const theirs = orgRows.find((o) => o.id === theirsId)!
  const proposalSide = (orgId: number) => (orgId === match.initiatorOrganisationId ? 'initiator' : 'partner')
  const proposal: OpenProposal = open ? { kind: open.kind, side: proposalSide(open.proposedByOrganisationId) } : null
  const listing = listingRows.find((l) => l.id === match.listingId) ?? null
  return {
    id: match.id,
    type: match.type,
    stage: match.stage,
    version: match.version,
    outcome: match.outcome,
    signedAt: match.signedAt,
    completedAt: match.completedAt,
    createdAt: match.createdAt,
    lastActivityAt: match.lastActivityAt,
    stale: (OPEN_STAGES as readonly string[]).includes(match.stage) && match.lastActivityAt.getTime() < now.getTime() - STALE_DAYS * DAY,
    endReason: match.endReason,
    endNote: match.endNote,
    initiatorOrganisationId: match.initiatorOrganisationId,
    side: who?.side ?? null,
    readOnly: !who,
    listedPublicly: who?.side === 'partner' ? match.partnerListsPublicly : match.initiatorListsPublicly,
    mine: { id: mine.id, name: mine.name },
    // Contact details are for the two parties (and admins handling a report).
    counterpart: theirs,
    listing,
    broughtListing: listingRows.find((l) => l.id === match.counterpartListingId) ?? null,
    openProposal: open
      ? {
          id: open.id,
          kind: open.kind,
          byMe: who ? open.proposedByOrganisationId === who.organisationId : false,
          outcome: open.outcome,
          note: open.note,
          attachmentId: open.attachmentId,
          createdAt: open.createdAt,
        }
      : null,
    actions: who ? allowedActions({ stage: match.stage, side: who.side, proposal }) : [],
    events: events.reverse(),
    proposalOutcomes: Object.fromEntries(proposals.filter((p) => p.outcome).map((p) => [p.id, p.outcome])) as Record<
      number,
      Record<string, unknown>
    >,
    orgNames: Object.fromEntries(orgRows.map((o) => [o.id, o.name])) as Record<number, string>,
    attachments,
    endReasons: END_REASONS,
    declineReasons: DECLINE_REASONS,
  }
}

export type MatchListTab = 'all' | 'open' | 'awaiting' | 'stale'
export type MatchListFilters = {
  tab?: MatchListTab
  type?: string | null
  stage?: MatchStage | null
  counterpartId?: number | null
  periodDays?: number | null
  q?: string | null
  page?: number
  pageSize?: number
}

/** 我的合作: an organisation's matches, latest activity first, with tab counts. Members only. */
export async function listMatches({
  actor,
  organisationId,
  filters = {},
  now = new Date(),
}: {
  actor: Actor
  organisationId: number
  filters?: MatchListFilters
  now?: Date
}) {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'domain.forbidden')
  const page = Math.max(1, filters.page ?? 1)
  const pageSize = Math.min(100, Math.max(1, filters.pageSize ?? 20))
  const other = alias(organisations, 'counterpart')
  const mineCond = or(eq(matches.initiatorOrganisationId, organisationId), eq(matches.partnerOrganisationId, organisationId))!
  const counterpartCol = sql<number>`case when ${matches.initiatorOrganisationId} = ${organisationId} then ${matches.partnerOrganisationId} else ${matches.initiatorOrganisationId} end`
  // An open proposal on the match, made by the other side (awaiting us) or by us (waiting for them).
  const openProposal = (by: typeof eq | typeof ne) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(matchProposals)
        .where(
          and(
            eq(matchProposals.matchId, matches.id),
            eq(matchProposals.status, 'open'),
            by(matchProposals.proposedByOrganisationId, organisationId),
          ),
        ),
    )
  const openCond = inArray(matches.stage, [...OPEN_STAGES])
  // Ending or completing a match resolves its open proposal (mutations.server.ts), so only open matches are probed.
  const awaitingCond = and(openCond, openProposal(ne))!
  const staleCond = and(openCond, lt(matches.lastActivityAt, new Date(now.getTime() - STALE_DAYS * DAY)))!
  const tabCond: Record<MatchListTab, SQL | undefined> = { all: undefined, open: openCond, awaiting: awaitingCond, stale: staleCond }

  const conditions: (SQL | undefined)[] = [mineCond]
  if (filters.type) conditions.push(eq(matches.type, filters.type))
  if (filters.stage) conditions.push(eq(matches.stage, filters.stage))
  if (filters.counterpartId) conditions.push(sql`${counterpartCol} = ${filters.counterpartId}`)
  if (filters.periodDays) conditions.push(gte(matches.createdAt, new Date(now.getTime() - filters.periodDays * DAY)))
  const q = filters.q?.trim()
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    conditions.push(or(sql`${other.name} ilike ${pattern}`, sql`${listings.title} ilike ${pattern}`))
  }
  const base = and(...conditions)
  const where = and(base, tabCond[filters.tab ?? 'all'])
  // The names are joined to every match only when the search needs them; otherwise to the page's rows alone.
  const scoped = <T extends PgSelect>(query: T) =>
    q ? query.innerJoin(other, eq(other.id, counterpartCol)).leftJoin(listings, eq(listings.id, matches.listingId)) : query
  const pageIds = scoped(db.select({ id: matches.id }).from(matches).$dynamic())
    .where(where)
    .orderBy(desc(matches.lastActivityAt), desc(matches.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as('page')
  const [rows, [counts]] = await Promise.all([
    db
      .select({
        id: matches.id,
        type: matches.type,
        stage: matches.stage,
        createdAt: matches.createdAt,
        lastActivityAt: matches.lastActivityAt,
        initiatedByUs: sql<boolean>`${matches.initiatorOrganisationId} = ${organisationId}`,
        counterpartId: other.id,
        counterpartName: other.name,
        listingId: listings.id,
        listingTitle: listings.title,
        awaitingMe: sql<boolean>`${awaitingCond}`,
        waitingThem: sql<boolean>`${openProposal(eq)}`,
      })
      .from(pageIds)
      .innerJoin(matches, eq(matches.id, pageIds.id))
      .innerJoin(other, eq(other.id, counterpartCol))
      .leftJoin(listings, eq(listings.id, matches.listingId))
      .orderBy(desc(matches.lastActivityAt), desc(matches.id)),
    // Every tab's count in one pass over the organisation's matches.
    scoped(
      db
        .select({
          all: sql<number>`count(*)::int`,
          open: sql<number>`(count(*) filter (where ${openCond}))::int`,
          awaiting: sql<number>`(count(*) filter (where ${awaitingCond}))::int`,
          stale: sql<number>`(count(*) filter (where ${staleCond}))::int`,
        })
        .from(matches)
        .$dynamic(),
    ).where(base),
  ])
  const tabs = { all: Number(counts!.all), open: Number(counts!.open), awaiting: Number(counts!.awaiting), stale: Number(counts!.stale) }
  const total = tabs[filters.tab ?? 'all']
  const staleBefore = now.getTime() - STALE_DAYS * DAY
  return {
    page,
    pageSize,
    total,
    tabs: tabs as Record<MatchListTab, number>,
    items: rows.map((r) => ({
      ...r,
      stale: (OPEN_STAGES as readonly string[]).includes(r.stage) && new Date(r.lastActivityAt).getTime() < staleBefore,
    })),
  }
}

/** The organisations this one has matches with, for the counterpart filter. */
export async function listCounterparts({ actor, organisationId }: { actor: Actor; organisationId: number }) {
  if (!isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'domain.forbidden')
  const rows = await db.execute<{ id: number; name: string }>(sql`
    select o.id, o.name from organisations o where o.id in (
      select partner_organisation_id from matches where initiator_organisation_id = ${organisationId}
      union select initiator_organisation_id from matches where partner_organisation_id = ${organisationId})
    order by o.name limit 500`)
  return [...(rows as unknown as Iterable<{ id: number; name: string }>)].map((r) => ({ id: Number(r.id), name: r.name }))
}

export type StartEntry =
  | { state: 'hidden' }
  | { state: StartBlock }
  | { state: 'existing'; matchId: number; stage: MatchStage }
  | { state: 'can_start'; cta: 'match.cta.apply' | 'match.cta.solve' | 'match.cta.start' }

/** The wording of the start button for a listing of this type and direction. */
export function ctaFor(type: string | null, direction: 'need' | 'offer' | null) {
  if (direction === 'offer' && (type === 'internship' || type === 'teacher_practice')) return 'match.cta.apply' as const
  if (direction === 'need' && type === 'tech_transfer') return 'match.cta.solve' as const
  return 'match.cta.start' as const
}

/**
 * What a listing page or organisation profile offers the visitor: a start button (worded for the
 * type and direction), the open match they already have, or why they cannot start yet.
 */
export async function getStartEntry({
  actor,
  listing,
  organisationId,
}: {
  actor: Actor
  listing?: { id: number; organisationId: number; type: string; direction: 'need' | 'offer'; status: string } | null
  organisationId?: number
}): Promise<StartEntry> {
  const target = listing?.organisationId ?? organisationId
  if (!target || (listing && listing.status !== 'published')) return { state: 'hidden' }
  if (actor.kind === 'user' && isMemberOf(actor, target)) return { state: 'hidden' }
  if (actor.kind === 'user' && actor.memberships.length === 0) return { state: 'hidden' }
  const gate = await startBlockOf(actor)
  if (gate.organisationId) {
    const mine = gate.organisationId
    const [row] = await db
      .select({ id: matches.id, stage: matches.stage })
      .from(matches)
      .where(
        and(
          listing ? eq(matches.listingId, listing.id) : sql`true`,
          or(
            and(eq(matches.initiatorOrganisationId, mine), eq(matches.partnerOrganisationId, target)),
            and(eq(matches.initiatorOrganisationId, target), eq(matches.partnerOrganisationId, mine)),
          ),
          inArray(matches.stage, [...OPEN_STAGES]),
        ),
      )
      .orderBy(desc(matches.lastActivityAt))
      .limit(1)
    if (row) return { state: 'existing', matchId: row.id, stage: row.stage }
  }
  if (gate.block) return { state: gate.block }
  return { state: 'can_start', cta: ctaFor(listing?.type ?? null, listing?.direction ?? null) }
}

/** The start form's facts: whom the interest goes to, about what, and which own listings could come along. */
export async function getStartForm({
  actor,
  listingId,
  organisationId,
}: {
  actor: Actor
  listingId?: number | null
  organisationId?: number | null
}) {
  const gate = await startBlockOf(actor)
  let target: { id: number; name: string } | null = null
  let listing: { id: number; title: string; type: string; direction: 'need' | 'offer'; organisationId: number; status: string } | null =
    null
  if (listingId) {
    const [row] = await db
      .select({
        id: listings.id,
        title: listings.title,
        type: listings.type,
        direction: listings.direction,
        organisationId: listings.organisationId,
        status: listings.status,
        orgName: organisations.name,
      })
      .from(listings)
      .innerJoin(organisations, eq(organisations.id, listings.organisationId))
      .where(eq(listings.id, listingId))
    if (!row || row.status !== 'published') throw new DomainError('not_found', 'listing.notFound')
    listing = row
    target = { id: row.organisationId, name: row.orgName }
  } else if (organisationId) {
    const [row] = await db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
    if (!row || row.kind === 'government') throw new DomainError('not_found', 'org.notFound')
    target = { id: row.id, name: row.name }
  } else throw new DomainError('invalid', 'match.start.needTarget')
  const own = gate.organisationId
    ? await db
        .select({ id: listings.id, title: listings.title, type: listings.type, status: listings.status })
        .from(listings)
        .where(and(eq(listings.organisationId, gate.organisationId), inArray(listings.status, ['published', 'paused'])))
        .orderBy(desc(listings.updatedAt))
        .limit(100)
    : []
  const entry = await getStartEntry({ actor, listing, organisationId: target.id })
  return {
    block: gate.block,
    organisationId: gate.organisationId,
    target,
    listing,
    ownListings: own,
    existingMatchId: entry.state === 'existing' ? entry.matchId : null,
  }
}
