import { and, desc, eq, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '~/db.server'
import { matchEvents, matchReports, matches, organisations } from '~/db.server'
import { isPlatformAdmin, type Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { MATCH_NOTE_MAX, SUSPEND_REASON_MAX } from '~/lib/schemas/matches'
import { sideOf } from './mutations.server'

export const REPORT_REASONS = ['spam', 'fraud', 'fee', 'abuse', 'other'] as const

/** 举报: a party reports the other side's conduct in a match (optionally one message) to the admin queue. */
export async function reportMatch({
  actor,
  matchId,
  eventId,
  reason,
  note,
}: {
  actor: Actor
  matchId: number
  eventId?: number | null
  reason: string
  note?: string | null
}) {
  if (!(REPORT_REASONS as readonly string[]).includes(reason))
    throw new DomainError('invalid', 'match.report.required', { field: 'reason' })
  const text = (note ?? '').trim()
  if (text.length > MATCH_NOTE_MAX)
    throw new DomainError('invalid', 'match.message.tooLong', { field: 'note', vars: { max: MATCH_NOTE_MAX } })
  const [match] = await db.select().from(matches).where(eq(matches.id, matchId))
  const who = match ? sideOf(actor, match) : null
  if (!match || !who) throw new DomainError('not_found', 'match.notFound')
  const reported = who.side === 'initiator' ? match.partnerOrganisationId : match.initiatorOrganisationId
  let event: number | null = null
  if (eventId) {
    const [row] = await db
      .select({ id: matchEvents.id })
      .from(matchEvents)
      .where(and(eq(matchEvents.id, eventId), eq(matchEvents.matchId, matchId)))
    event = row?.id ?? null
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchReports)
      .values({
        matchId,
        eventId: event,
        reporterUserId: actor.kind === 'user' ? actor.userId : null,
        reporterOrganisationId: who.organisationId,
        reportedOrganisationId: reported,
        reason,
        note: text || null,
      })
      .returning({ id: matchReports.id })
    await recordAudit(tx, {
      actor,
      organisationId: who.organisationId,
      action: 'match.report',
      entity: 'match_report',
      entityId: row!.id,
      summary: { matchId, reason, reported },
    })
  })
}

function requireAdmin(actor: Actor) {
  if (!isPlatformAdmin(actor)) throw new DomainError('forbidden', 'domain.forbidden')
}

export async function listOpenReports({ actor }: { actor: Actor }) {
  requireAdmin(actor)
  const reportedOrg = alias(organisations, 'reported')
  const reporterOrg = alias(organisations, 'reporter')
  return db
    .select({
      id: matchReports.id,
      matchId: matchReports.matchId,
      reason: matchReports.reason,
      note: matchReports.note,
      createdAt: matchReports.createdAt,
      message: matchEvents.body,
      reportedId: reportedOrg.id,
      reportedName: reportedOrg.name,
      reportedSuspended: reportedOrg.outreachSuspendedAt,
      reporterName: reporterOrg.name,
    })
    .from(matchReports)
    .innerJoin(reportedOrg, eq(reportedOrg.id, matchReports.reportedOrganisationId))
    .leftJoin(reporterOrg, eq(reporterOrg.id, matchReports.reporterOrganisationId))
    .leftJoin(matchEvents, eq(matchEvents.id, matchReports.eventId))
    .where(isNull(matchReports.resolvedAt))
    .orderBy(desc(matchReports.createdAt))
    .limit(200)
}

export async function resolveReport({ actor, id, resolution }: { actor: Actor; id: number; resolution?: string | null }) {
  requireAdmin(actor)
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(matchReports)
      .set({ resolvedAt: new Date(), resolvedByUserId: actor.kind === 'user' ? actor.userId : null, resolution: resolution ?? null })
      .where(and(eq(matchReports.id, id), isNull(matchReports.resolvedAt)))
      .returning({ id: matchReports.id })
    if (!row) throw new DomainError('not_found', 'domain.notFound')
    await recordAudit(tx, { actor, action: 'match.report.resolve', entity: 'match_report', entityId: id })
  })
}

/** Suspends (or restores) an organisation's outreach: it can no longer start matches; open ones go on. */
export async function setOutreachSuspended({
  actor,
  organisationId,
  suspended,
  reason,
}: {
  actor: Actor
  organisationId: number
  suspended: boolean
  reason?: string | null
}) {
  requireAdmin(actor)
  const why = (reason ?? '').trim()
  if (why.length > SUSPEND_REASON_MAX)
    throw new DomainError('invalid', 'match.message.tooLong', { field: 'reason', vars: { max: SUSPEND_REASON_MAX } })
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({
        outreachSuspendedAt: suspended ? new Date() : null,
        outreachSuspendedReason: suspended ? why || null : null,
      })
      .where(eq(organisations.id, organisationId))
      .returning({ id: organisations.id })
    if (!row) throw new DomainError('not_found', 'domain.notFound')
    await recordAudit(tx, {
      actor,
      organisationId,
      action: suspended ? 'organisation.outreach.suspend' : 'organisation.outreach.restore',
      entity: 'organisation',
      entityId: organisationId,
      summary: { reason },
    })
  })
}
