import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { OUTCOME_FIELDS } from '../../app/domain/matches/outcomes'
import { DECLINE_REASONS, END_REASONS } from '../../app/domain/matches/transitions'
import { seedDemoData } from '../../db/seed'
import { matchEvents, matchProposals, matches, organisations } from '../../db/schema'

describe('seeded match histories', () => {
  it('tell a coherent story for every match: stages in order by the acting side, proposals confirmed by the other, outcomes with the reference keys', async () => {
    const started = performance.now()
    await seedDemoData({ db, scale: 0.4, now: new Date('2026-11-30T08:00:00Z') })
    const seconds = (performance.now() - started) / 1000
    expect(seconds).toBeLessThan(60)

    const all = await db.select().from(matches)
    const events = await db.select().from(matchEvents).orderBy(asc(matchEvents.matchId), asc(matchEvents.seq))
    const proposals = await db.select().from(matchProposals)
    const groupBy = <T, K>(items: T[], key: (t: T) => K) => {
      const map = new Map<K, T[]>()
      for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item])
      return map
    }
    const byMatch = groupBy(events, (e) => e.matchId)
    const proposalsOf = groupBy(proposals, (p) => p.matchId)
    let disputes = 0
    let declines = 0
    for (const m of all) {
      const list = byMatch.get(m.id) ?? []
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1))
      for (let i = 1; i < list.length; i++) expect(list[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.createdAt.getTime())
      for (const e of list) expect([m.initiatorOrganisationId, m.partnerOrganisationId]).toContain(e.actorOrganisationId)
      const stages = list.filter((e) => e.kind === 'stage_change')
      expect(stages[0]).toMatchObject({ fromStage: null, toStage: 'contact', actorOrganisationId: m.initiatorOrganisationId })
      stages.slice(1).forEach((e, i) => expect(e.fromStage).toBe(stages[i]!.toStage))
      expect(stages.at(-1)!.toStage).toBe(m.stage)
      const actions = list.filter((e) => e.kind === 'proposal' || e.kind === 'dispute').length + stages.length - 1
      expect(m.version).toBe(1 + actions)
      expect(m.lastActivityAt.getTime()).toBe(list.at(-1)!.createdAt.getTime())

      const signed = stages.find((e) => e.toStage === 'signed')
      if (signed) {
        expect(m.signedAt?.getTime()).toBe(signed.createdAt.getTime())
        const confirmation = list.find((e) => e.kind === 'confirmation' && (e.data as { kind: string }).kind === 'sign')!
        const proposal = proposals.find((p) => p.id === confirmation.proposalId)!
        expect(proposal.status).toBe('confirmed')
        expect(proposal.proposedByOrganisationId).not.toBe(confirmation.actorOrganisationId)
      }
      if (m.stage === 'completed') {
        const fields = OUTCOME_FIELDS[m.type as keyof typeof OUTCOME_FIELDS]
        const allowed = [...fields.numbers, ...fields.flags, ...fields.texts, 'incomeByYear']
        for (const key of Object.keys(m.outcome)) expect(allowed).toContain(key)
        for (const key of fields.required) expect(typeof m.outcome[key]).toBe('number')
        for (const key of fields.numbers) if (key in m.outcome) expect(m.outcome[key] as number).toBeGreaterThanOrEqual(0)
        if (m.type === 'tech_transfer')
          for (const year of Object.keys(m.outcome.incomeByYear as object))
            expect(Number(year)).toBeGreaterThanOrEqual(m.signedAt!.getUTCFullYear())
        const complete = (proposalsOf.get(m.id) ?? []).find((p) => p.kind === 'complete' && p.status === 'confirmed')
        expect(complete?.outcome).toEqual(m.outcome)
      }
      if (m.stage === 'terminated') {
        const code = m.endReason ?? ''
        if (code.startsWith('declined_')) {
          declines++
          expect(DECLINE_REASONS).toContain(code.slice(9))
          expect(m.endedByOrganisationId).toBe(m.partnerOrganisationId)
        } else expect(END_REASONS).toContain(code)
        expect(m.endNote).toBeTruthy()
      }
      if (m.firstResponseAt) expect(m.firstResponseAt.getTime()).toBeGreaterThan(m.createdAt.getTime())
      disputes += list.filter((e) => e.kind === 'dispute').length
      expect((proposalsOf.get(m.id) ?? []).filter((p) => p.status === 'open').length).toBeLessThanOrEqual(1)
    }
    expect(disputes).toBeGreaterThan(5)
    expect(declines).toBeGreaterThan(3)
    expect(proposals.filter((p) => p.status === 'open').length).toBeGreaterThan(5)
    const messages = events.filter((e) => e.kind === 'message').length
    expect(messages).toBeGreaterThan(all.length * 1.5)
    // The demo enterprise account has a list worth looking at.
    const [demoEnterprise] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '晋中示例煤机装备有限公司'))
    const demoMatches = all.filter(
      (m) => m.initiatorOrganisationId === demoEnterprise!.id || m.partnerOrganisationId === demoEnterprise!.id,
    )
    expect(demoMatches.length).toBeGreaterThanOrEqual(6)
    // No partnership predates either side joining the platform (the recommendation evaluation asks as of its start).
    const joined = new Map(
      (await db.select({ id: organisations.id, at: organisations.verifiedAt }).from(organisations)).map((o) => [o.id, o.at]),
    )
    const early = all.filter((m) =>
      [m.initiatorOrganisationId, m.partnerOrganisationId].some((o) => !joined.get(o) || joined.get(o)! > m.createdAt),
    )
    expect(early.map((m) => m.id)).toEqual([])
  })
})
