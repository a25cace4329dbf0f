import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { DomainError } from '../../app/domain/errors.server'
import { applyMatchAction, postMessage, startMatch } from '../../app/domain/matches/mutations.server'
import type { MatchAction } from '../../app/domain/matches/transitions'
import { auditLog, matchEvents, matchProposals, matches } from '../../db/schema'
import { attachFile, createMatchParties, versionOf } from '../factories/matches'

describe('100 concurrent steps at one match', () => {
  it('ends in one consistent state with a contiguous history and an audit row per applied change', async () => {
    const p = await createMatchParties()
    const { id } = await startMatch({ actor: p.colActor, listingId: p.listing.id, message: '希望合作' })
    const scan = await attachFile(id, p.college.id)
    const actions: MatchAction[] = ['negotiate', 'propose_sign', 'confirm', 'dispute', 'withdraw', 'start', 'propose_complete', 'confirm']
    const outcome = { internsPlaced: '15', internDays: '900', tripartiteAgreement: 'on', insurance: 'on', paid: 'on' }
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31

    const tasks = Array.from({ length: 100 }, (_, i) => {
      const actor = i % 2 === 0 ? p.entActor : p.colActor
      const action = actions[Math.floor(random() * actions.length)]!
      const readFirst = random() < 0.7 // the rest reuse the version the match started with: certainly stale later
      return async () => {
        if (i % 10 === 0) return postMessage({ actor, matchId: id, body: `并发留言 ${i}` }).then(() => 'message' as const)
        // Like a person who reloads after "对方刚刚更新…": up to three tries, each with the version just read.
        for (let attempt = 0; ; attempt++) {
          const version = readFirst ? await versionOf(id) : 1
          try {
            await applyMatchAction({
              actor,
              matchId: id,
              version,
              action,
              note: action === 'dispute' ? '金额不一致' : null,
              attachmentId: scan,
              outcome,
            })
            return 'applied' as const
          } catch (error) {
            if (!(error instanceof DomainError && error.code === 'conflict' && readFirst && attempt < 2)) throw error
          }
        }
      }
    })
    const results = await Promise.allSettled(tasks.map((t) => t()))
    const unexpected = results.filter(
      (r) => r.status === 'rejected' && !(r.reason instanceof DomainError && ['conflict', 'invalid'].includes(r.reason.code)),
    )
    expect(unexpected.map((r) => (r as PromiseRejectedResult).reason)).toEqual([])
    const applied = results.filter((r) => r.status === 'fulfilled' && r.value === 'applied').length
    const conflicts = results.filter((r) => r.status === 'rejected' && (r.reason as DomainError).code === 'conflict').length
    expect(applied).toBeGreaterThan(0)
    expect(conflicts).toBeGreaterThan(0)

    const [match] = await db.select().from(matches).where(eq(matches.id, id))
    expect(match!.version).toBe(1 + applied)
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, id)).orderBy(asc(matchEvents.seq))
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(1 + 10)
    const stages = events.filter((e) => e.kind === 'stage_change')
    stages.slice(1).forEach((e, i) => expect(e.fromStage).toBe(stages[i]!.toStage))
    expect(stages.at(-1)!.toStage).toBe(match!.stage)
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'match'), eq(auditLog.entityId, id)))
    expect(audits).toHaveLength(1 + applied)
    expect(
      audits
        .map((a) => (a.summary as { version?: number }).version)
        .filter(Boolean)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: applied }, (_, i) => i + 2))
    const open = await db
      .select()
      .from(matchProposals)
      .where(and(eq(matchProposals.matchId, id), eq(matchProposals.status, 'open')))
    expect(open.length).toBeLessThanOrEqual(1)
    if (['signed', 'in_progress', 'completed'].includes(match!.stage)) expect(match!.signedAt).not.toBeNull()
    if (match!.stage === 'completed') expect(match!.outcome).toMatchObject({ internsPlaced: 15 })
  })
})
