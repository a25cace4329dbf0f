import { and, count, eq, gte, inArray, sql } from 'drizzle-orm'
import { db, type Executor } from '~/db.server'
import { getEnv } from '~/env.server'
import type { MessageKey } from '~/lib/i18n'
import { MATCH_MESSAGE_MAX, MATCH_NOTE_MAX } from '~/lib/schemas/matches'
import { cooperationTypeByCode } from '../../../db/reference'
import {
  listings,
  matchAttachments,
  matchEvents,
  matchProposals,
  matches,
  organisations,
  type MatchEventKind,
  type MatchStage,
} from '~/db.server'
import { isMemberOf, isPlatformAdmin, type Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { notifyOrganisation } from './notifications.server'
import { parseOutcome, type OutcomeType, type OutcomeWarning } from './outcomes'
import { DECLINE_REASONS, END_REASONS, decide, isOpenStage, type MatchAction, type OpenProposal, type Side } from './transitions'

export const MESSAGE_MAX = MATCH_MESSAGE_MAX
const NOTE_MAX = MATCH_NOTE_MAX

type MatchRow = typeof matches.$inferSelect

/** The acting organisation's side of a match, or null when the actor is on neither. */
export function sideOf(
  actor: Actor,
  match: Pick<MatchRow, 'initiatorOrganisationId' | 'partnerOrganisationId'>,
): { side: Side; organisationId: number } | null {
  if (actor.kind !== 'user') return null
  const initiator = isMemberOf(actor, match.initiatorOrganisationId)
  const partner = isMemberOf(actor, match.partnerOrganisationId)
  if (initiator && partner)
    return actor.activeOrganisationId === match.partnerOrganisationId
      ? { side: 'partner', organisationId: match.partnerOrganisationId }
      : { side: 'initiator', organisationId: match.initiatorOrganisationId }
  if (initiator) return { side: 'initiator', organisationId: match.initiatorOrganisationId }
  if (partner) return { side: 'partner', organisationId: match.partnerOrganisationId }
  return null
}

const otherOrg = (match: MatchRow, side: Side) => (side === 'initiator' ? match.partnerOrganisationId : match.initiatorOrganisationId)

/** Locks the match row for the rest of the transaction and says who acts on it; strangers get 404. */
async function lockMatch(tx: Executor, actor: Actor, matchId: number) {
  const [match] = await tx.select().from(matches).where(eq(matches.id, matchId)).for('update')
  if (!match) throw new DomainError('not_found', 'match.notFound')
  const who = sideOf(actor, match)
  if (!who) {
    if (isPlatformAdmin(actor)) throw new DomainError('forbidden', 'match.readOnly')
    throw new DomainError('not_found', 'match.notFound')
  }
  return { match, ...who }
}

type EventInput = {
  kind: MatchEventKind
  fromStage?: MatchStage | null
  toStage?: MatchStage | null
  body?: string | null
  proposalId?: number | null
  attachmentId?: number | null
  data?: Record<string, unknown> | null
}

/** Appends events with the next numbers of the match's gap-free sequence; the caller holds the row lock. */
async function appendEvents(
  tx: Executor,
  { matchId, actor, organisationId, now }: { matchId: number; actor: Actor; organisationId: number | null; now: Date },
  events: EventInput[],
) {
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${matchEvents.seq}), 0)` })
    .from(matchEvents)
    .where(eq(matchEvents.matchId, matchId))
  const rows = events.map((e, i) => ({
    matchId,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorOrganisationId: organisationId,
    kind: e.kind,
    fromStage: e.fromStage ?? null,
    toStage: e.toStage ?? null,
    body: e.body ?? null,
    proposalId: e.proposalId ?? null,
    attachmentId: e.attachmentId ?? null,
    data: e.data ?? null,
    seq: Number(last) + i + 1,
    createdAt: now,
  }))
  return tx.insert(matchEvents).values(rows).returning({ id: matchEvents.id })
}

async function orgName(tx: Executor, id: number) {
  const [row] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id))
  return row?.name ?? ''
}

function cleanText(value: string | null | undefined, max: number) {
  const text = (value ?? '').replace(/\r\n/g, '\n').trim()
  return text.length > max ? null : text
}

// ── Starting a match ─────────────────────────────────────────────────────────

export type StartBlock = 'signIn' | 'noOrganisation' | 'unverified' | 'suspended'

/** Whether the actor's active organisation may start matches at all, and if not why. */
export async function startBlockOf(
  actor: Actor,
): Promise<{ block: StartBlock; organisationId: number | null } | { block: null; organisationId: number }> {
  if (actor.kind !== 'user') return { block: 'signIn', organisationId: null }
  const organisationId = actor.activeOrganisationId
  if (!organisationId || !isMemberOf(actor, organisationId)) return { block: 'noOrganisation', organisationId: null }
  const [org] = await db
    .select({ verification: organisations.verification, suspended: organisations.outreachSuspendedAt, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  if (!org || org.verification !== 'verified') return { block: 'unverified', organisationId }
  if (org.suspended) return { block: 'suspended', organisationId }
  return { block: null, organisationId }
}

const BLOCK_ERRORS: Record<StartBlock, [ConstructorParameters<typeof DomainError>[0], MessageKey]> = {
  signIn: ['forbidden', 'match.start.signIn'],
  noOrganisation: ['forbidden', 'match.start.noOrganisation'],
  unverified: ['forbidden', 'match.start.unverified'],
  suspended: ['forbidden', 'match.start.suspended'],
}

export function interestsPerDay() {
  return getEnv().MATCH_INTERESTS_PER_DAY
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: unknown } | null
  return e?.code === '23505' || (e?.cause ? isUniqueViolation(e.cause) : false)
}

export type StartInput = {
  actor: Actor
  /** The listing the interest is about; or none, when started from an organisation's profile. */
  listingId?: number | null
  /** The organisation addressed when there is no listing. */
  organisationId?: number | null
  /** One of the actor's own listings brought along. */
  bringListingId?: number | null
  type?: string | null
  message: string
  now?: Date
}

/**
 * Starts a match at 意向 with its first message, or returns the open one that already exists for
 * this listing and pair of organisations (`existing: true`).
 */
export async function startMatch(input: StartInput): Promise<{ id: number; existing: boolean }> {
  const { actor } = input
  const now = input.now ?? new Date()
  const gate = await startBlockOf(actor)
  if (gate.block) throw new DomainError(...BLOCK_ERRORS[gate.block])
  const mine = gate.organisationId

  let partnerId: number
  let type: string
  let listingId: number | null = null
  let listingTitle = ''
  if (input.listingId) {
    const [listing] = await db
      .select({
        id: listings.id,
        organisationId: listings.organisationId,
        status: listings.status,
        type: listings.type,
        title: listings.title,
      })
      .from(listings)
      .where(eq(listings.id, input.listingId))
    if (!listing || (listing.status !== 'published' && listing.organisationId !== mine))
      throw new DomainError('not_found', 'listing.notFound')
    if (listing.organisationId === mine) throw new DomainError('invalid', 'match.start.ownListing')
    if (listing.status !== 'published') throw new DomainError('invalid', 'match.start.listingClosed')
    partnerId = listing.organisationId
    type = listing.type
    listingId = listing.id
    listingTitle = listing.title
  } else if (input.organisationId) {
    if (input.organisationId === mine) throw new DomainError('invalid', 'match.start.ownOrganisation')
    const [org] = await db
      .select({ id: organisations.id, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId))
    if (!org || org.kind === 'government') throw new DomainError('not_found', 'org.notFound')
    partnerId = org.id
    if (!input.type || !cooperationTypeByCode.has(input.type)) throw new DomainError('invalid', 'match.start.type', { field: 'type' })
    type = input.type
  } else throw new DomainError('invalid', 'match.start.needTarget')

  let bringId: number | null = null
  if (input.bringListingId) {
    const [own] = await db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.id, input.bringListingId), eq(listings.organisationId, mine)))
    if (!own) throw new DomainError('invalid', 'match.start.bringInvalid', { field: 'bring' })
    bringId = own.id
  }

  const existing = await findOpenMatch({ listingId, a: mine, b: partnerId })
  if (existing) return { id: existing, existing: true }

  const message = cleanText(input.message, MESSAGE_MAX)
  if (message === null) throw new DomainError('invalid', 'match.message.tooLong', { field: 'message', vars: { max: MESSAGE_MAX } })
  if (!message) throw new DomainError('invalid', 'match.message.required', { field: 'message' })

  const limit = interestsPerDay()
  const [{ started }] = await db
    .select({ started: count() })
    .from(matches)
    .where(and(eq(matches.initiatorOrganisationId, mine), gte(matches.createdAt, new Date(now.getTime() - 86_400_000))))
  if (Number(started) >= limit) throw new DomainError('rate_limited', 'match.start.rateLimited', { vars: { max: limit } })

  try {
    return await db.transaction(async (tx) => {
      const [match] = await tx
        .insert(matches)
        .values({
          listingId,
          counterpartListingId: bringId,
          initiatorOrganisationId: mine,
          partnerOrganisationId: partnerId,
          type,
          stage: 'contact',
          version: 1,
          lastActivityAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      await appendEvents(tx, { matchId: match!.id, actor, organisationId: mine, now }, [
        { kind: 'stage_change', fromStage: null, toStage: 'contact' },
        { kind: 'message', body: message },
      ])
      await recordAudit(tx, {
        actor,
        organisationId: mine,
        action: 'match.start',
        entity: 'match',
        entityId: match!.id,
        summary: { listingId, partnerId, type },
      })
      await notifyOrganisation(tx, {
        organisationId: partnerId,
        kind: 'interest',
        matchId: match!.id,
        messageKey: 'notify.interest',
        vars: { org: await orgName(tx, mine), title: listingTitle || `#type:${type}` },
        now,
      })
      return { id: match!.id, existing: false }
    })
  } catch (error) {
    // Two tabs pressing at once: the partial unique index lets one through; the other opens it.
    if (!isUniqueViolation(error)) throw error
    const id = await findOpenMatch({ listingId, a: mine, b: partnerId })
    if (!id) throw error
    return { id, existing: true }
  }
}

/** The open match about this listing (or none) between two organisations, whoever started it. */
export async function findOpenMatch({ listingId, a, b }: { listingId: number | null; a: number; b: number }) {
  const [row] = await db
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        sql`coalesce(${matches.listingId}, 0) = ${listingId ?? 0}`,
        sql`least(${matches.initiatorOrganisationId}, ${matches.partnerOrganisationId}) = ${Math.min(a, b)}`,
        sql`greatest(${matches.initiatorOrganisationId}, ${matches.partnerOrganisationId}) = ${Math.max(a, b)}`,
        inArray(matches.stage, ['contact', 'negotiation', 'signed', 'in_progress']),
      ),
    )
  return row?.id ?? null
}

// ── Moving a match ───────────────────────────────────────────────────────────

export type ActionInput = {
  actor: Actor
  matchId: number
  /** The version the actor saw; a stale one changes nothing. */
  version: number
  action: MatchAction
  reason?: string | null
  note?: string | null
  /** The outcome form's fields, for propose_complete. */
  outcome?: Record<string, string | undefined>
  /** The agreement scan, for propose_sign. */
  attachmentId?: number | null
  now?: Date
}

export type ActionResult = { version: number; stage: MatchStage; warnings: OutcomeWarning[] }

const KIND_LABEL = { sign: '@match.proposal.sign', complete: '@match.proposal.complete' } as const

export async function applyMatchAction(input: ActionInput): Promise<ActionResult> {
  const { actor, matchId, action } = input
  const now = input.now ?? new Date()
  return db.transaction(async (tx) => {
    const { match, side, organisationId } = await lockMatch(tx, actor, matchId)
    if (match.version !== input.version) throw new DomainError('conflict', 'match.conflict')
    const [open] = await tx
      .select()
      .from(matchProposals)
      .where(and(eq(matchProposals.matchId, matchId), eq(matchProposals.status, 'open')))
    const proposal: OpenProposal = open
      ? { kind: open.kind, side: open.proposedByOrganisationId === match.initiatorOrganisationId ? 'initiator' : 'partner' }
      : null
    const decision = decide({ stage: match.stage, side, proposal, action })
    if (!decision.ok) throw new DomainError('invalid', decision.reason)
    // After the lock, the version and the table: strangers learn nothing, not even that their input was wrong.
    const note = cleanText(input.note, NOTE_MAX)
    if (note === null) throw new DomainError('invalid', 'match.message.tooLong', { field: 'note', vars: { max: NOTE_MAX } })
    if (action === 'terminate' && !(END_REASONS as readonly string[]).includes(input.reason ?? ''))
      throw new DomainError('invalid', 'match.reason.required', { field: 'reason' })
    if (action === 'decline' && !(DECLINE_REASONS as readonly string[]).includes(input.reason ?? ''))
      throw new DomainError('invalid', 'match.reason.required', { field: 'reason' })
    if ((action === 'terminate' || action === 'dispute') && !note)
      throw new DomainError('invalid', 'match.reason.textRequired', { field: 'note' })

    const ctx = { matchId, actor, organisationId, now }
    const other = otherOrg(match, side)
    const me = await orgName(tx, organisationId)
    const set: Partial<typeof matches.$inferInsert> = {}
    const events: EventInput[] = []
    let warnings: OutcomeWarning[] = []
    let notice: { kind: 'proposal' | 'update'; messageKey: MessageKey; vars: Record<string, string | number> } | null = null
    const stageChange = (to: MatchStage) => {
      set.stage = to
      events.push({ kind: 'stage_change', fromStage: match.stage, toStage: to, body: note || null })
    }

    switch (action) {
      case 'negotiate':
      case 'start':
        stageChange(decision.to!)
        notice = { kind: 'update', messageKey: 'notify.stage', vars: { org: me, stage: `@stage.${decision.to}` } }
        break
      case 'propose_sign':
      case 'propose_complete': {
        const kind = action === 'propose_sign' ? 'sign' : 'complete'
        let outcome: Record<string, unknown> | null = null
        let data: Record<string, unknown> = { kind }
        if (kind === 'sign') {
          const [file] = input.attachmentId
            ? await tx
                .select({ id: matchAttachments.id })
                .from(matchAttachments)
                .where(and(eq(matchAttachments.id, input.attachmentId), eq(matchAttachments.matchId, matchId)))
            : []
          if (!file) throw new DomainError('invalid', 'match.attachment.required', { field: 'attachmentId' })
        } else {
          const parsed = await parseForMatch(tx, match, input.outcome ?? {})
          if (!parsed.ok) throw new DomainError('invalid', parsed.key, { field: parsed.field, vars: parsed.vars })
          outcome = parsed.outcome
          warnings = parsed.warnings
          data = { kind, warnings, capacityReason: parsed.capacityReason }
        }
        const [created] = await tx
          .insert(matchProposals)
          .values({
            matchId,
            kind,
            proposedByOrganisationId: organisationId,
            proposedByUserId: actor.kind === 'user' ? actor.userId : null,
            outcome,
            note: note || null,
            attachmentId: input.attachmentId ?? null,
            createdAt: now,
          })
          .returning({ id: matchProposals.id })
        events.push({ kind: 'proposal', proposalId: created!.id, attachmentId: input.attachmentId ?? null, body: note || null, data })
        notice = { kind: 'proposal', messageKey: 'notify.proposal', vars: { org: me, kind: KIND_LABEL[kind] } }
        break
      }
      case 'confirm': {
        await resolveProposal(tx, open!.id, 'confirmed', { organisationId, actor, note, now })
        events.push({ kind: 'confirmation', proposalId: open!.id, body: note || null, data: { kind: open!.kind } })
        stageChange(decision.to!)
        if (decision.to === 'signed') set.signedAt = now
        else {
          set.completedAt = now
          set.outcome = open!.outcome ?? {}
        }
        notice = { kind: 'update', messageKey: 'notify.confirmed', vars: { org: me, kind: KIND_LABEL[open!.kind] } }
        break
      }
      case 'dispute':
        await resolveProposal(tx, open!.id, 'disputed', { organisationId, actor, note, now })
        events.push({ kind: 'dispute', proposalId: open!.id, body: note, data: { kind: open!.kind } })
        notice = { kind: 'update', messageKey: 'notify.disputed', vars: { org: me, kind: KIND_LABEL[open!.kind] } }
        break
      case 'withdraw':
        await resolveProposal(tx, open!.id, 'withdrawn', { organisationId, actor, note, now })
        events.push({ kind: 'withdrawal', proposalId: open!.id, body: note || null, data: { kind: open!.kind } })
        break
      case 'decline':
      case 'terminate': {
        if (open) {
          await resolveProposal(tx, open.id, 'withdrawn', { organisationId, actor, note, now })
          events.push({ kind: 'withdrawal', proposalId: open.id, data: { kind: open.kind } })
        }
        const reason = action === 'decline' ? `declined_${input.reason}` : input.reason!
        set.stage = 'terminated'
        events.push({ kind: 'stage_change', fromStage: match.stage, toStage: 'terminated', body: note || null, data: { reason } })
        Object.assign(set, { endReason: reason, endNote: note || null, endedByOrganisationId: organisationId, endedAt: now })
        notice = { kind: 'update', messageKey: 'notify.ended', vars: { org: me } }
        break
      }
    }

    const [updated] = await tx
      .update(matches)
      .set({
        ...set,
        version: sql`${matches.version} + 1`,
        updatedAt: now,
        lastActivityAt: now,
        ...(side === 'partner' && !match.firstResponseAt ? { firstResponseAt: now } : {}),
      })
      .where(and(eq(matches.id, matchId), eq(matches.version, input.version)))
      .returning({ version: matches.version, stage: matches.stage })
    if (!updated) throw new DomainError('conflict', 'match.conflict')
    await appendEvents(tx, ctx, events)
    await recordAudit(tx, {
      actor,
      organisationId,
      action: `match.${action}`,
      entity: 'match',
      entityId: matchId,
      summary: { from: match.stage, to: updated.stage, version: updated.version, reason: input.reason ?? undefined },
    })
    if (notice)
      await notifyOrganisation(tx, {
        organisationId: other,
        exceptUserId: actor.kind === 'user' ? actor.userId : null,
        matchId,
        now,
        ...notice,
      })
    return { version: updated.version, stage: updated.stage, warnings }
  })
}

async function resolveProposal(
  tx: Executor,
  id: number,
  status: 'confirmed' | 'disputed' | 'withdrawn',
  { organisationId, actor, note, now }: { organisationId: number; actor: Actor; note: string; now: Date },
) {
  await tx
    .update(matchProposals)
    .set({
      status,
      resolvedByOrganisationId: organisationId,
      resolvedByUserId: actor.kind === 'user' ? actor.userId : null,
      resolutionNote: note || null,
      resolvedAt: now,
    })
    .where(eq(matchProposals.id, id))
}

/** The outcome form checked against this match: the listing's places, the host's staff, the signing date. */
export async function parseForMatch(tx: Executor, match: MatchRow, input: Record<string, string | undefined>) {
  const [listing] = match.listingId
    ? await tx.select({ capacity: listings.capacity }).from(listings).where(eq(listings.id, match.listingId))
    : []
  const orgs = await tx
    .select({ kind: organisations.kind, staff: organisations.staffCount })
    .from(organisations)
    .where(inArray(organisations.id, [match.initiatorOrganisationId, match.partnerOrganisationId]))
  const host = orgs.find((o) => o.kind === 'enterprise')
  return parseOutcome({
    type: match.type as OutcomeType,
    input,
    context: { capacity: listing?.capacity ?? null, hostStaff: host?.staff ?? null, signedAt: match.signedAt },
  })
}

// ── Talking ──────────────────────────────────────────────────────────────────

export async function postMessage({ actor, matchId, body, now = new Date() }: { actor: Actor; matchId: number; body: string; now?: Date }) {
  return db.transaction(async (tx) => {
    const { match, side, organisationId } = await lockMatch(tx, actor, matchId)
    const text = cleanText(body, MESSAGE_MAX)
    if (text === null) throw new DomainError('invalid', 'match.message.tooLong', { field: 'body', vars: { max: MESSAGE_MAX } })
    if (!text) throw new DomainError('invalid', 'match.message.required', { field: 'body' })
    const [event] = await appendEvents(tx, { matchId, actor, organisationId, now }, [{ kind: 'message', body: text }])
    await tx
      .update(matches)
      .set({ lastActivityAt: now, ...(side === 'partner' && !match.firstResponseAt ? { firstResponseAt: now } : {}) })
      .where(eq(matches.id, matchId))
    await notifyOrganisation(tx, {
      organisationId: otherOrg(match, side),
      exceptUserId: actor.kind === 'user' ? actor.userId : null,
      kind: 'message',
      matchId,
      messageKey: 'notify.message',
      vars: { org: await orgName(tx, organisationId) },
      now,
    })
    return { eventId: event!.id }
  })
}

/** Each side decides whether its public profile may name this partnership. */
export async function setListedPublicly({ actor, matchId, listed }: { actor: Actor; matchId: number; listed: boolean }) {
  await db.transaction(async (tx) => {
    const { side, organisationId } = await lockMatch(tx, actor, matchId)
    await tx
      .update(matches)
      .set(side === 'initiator' ? { initiatorListsPublicly: listed } : { partnerListsPublicly: listed })
      .where(eq(matches.id, matchId))
    await recordAudit(tx, { actor, organisationId, action: 'match.list_publicly', entity: 'match', entityId: matchId, summary: { listed } })
  })
}

export { isOpenStage, lockMatch, appendEvents }
