import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import type { Actor } from '../../app/domain/actor'
import { applyMatchAction, postMessage, startMatch } from '../../app/domain/matches/mutations.server'
import { getMatch, getStartEntry, listMatches } from '../../app/domain/matches/queries.server'
import { countUnreadNotifications, sendMessageDigests, setNotificationPreferences } from '../../app/domain/matches/notifications.server'
import { auditLog, mailOutbox, matchEvents, matches, organisations } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { refusal } from '../factories/outcomes'
import { addMember, createUser, signIn, signInMember } from '../factories/accounts'
import { act, attachFile, createMatchParties, versionOf } from '../factories/matches'

let p: Awaited<ReturnType<typeof createMatchParties>>
beforeAll(async () => {
  p = await createMatchParties()
})

describe('starting a match', () => {
  it('starts at 意向 with the first message, notifies the other side by bell and mail, and a second attempt opens the same match', async () => {
    const first = await startMatch({
      actor: p.colActor,
      listingId: p.listing.id,
      message: '您好，我院机电一体化技术专业 20 名学生希望到贵公司顶岗实习。',
    })
    expect(first.existing).toBe(false)
    const [row] = await db.select().from(matches).where(eq(matches.id, first.id))
    expect(row).toMatchObject({
      stage: 'contact',
      version: 1,
      initiatorOrganisationId: p.college.id,
      partnerOrganisationId: p.enterprise.id,
      type: 'internship',
    })
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, first.id)).orderBy(asc(matchEvents.seq))
    expect(events.map((e) => [e.seq, e.kind, e.actorOrganisationId])).toEqual([
      [1, 'stage_change', p.college.id],
      [2, 'message', p.college.id],
    ])
    expect(await countUnreadNotifications({ actor: p.entActor })).toBe(1)
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, p.enterpriseUser.email))
    expect(mails.at(-1)!.subject).toContain('发起了合作意向')
    const again = await startMatch({ actor: p.colActor, listingId: p.listing.id, message: '再次联系' })
    expect(again).toEqual({ id: first.id, existing: true })
    // The owner starting "back" on its own listing is refused, not a second match.
    expect(await refusal(startMatch({ actor: p.entActor, listingId: p.listing.id, message: '你好' }))).toMatchObject({
      key: 'match.start.ownListing',
    })
    expect(await getStartEntry({ actor: p.colActor, listing: { ...p.listing, status: 'published' } })).toEqual({
      state: 'existing',
      matchId: first.id,
      stage: 'contact',
    })
  })

  it('refuses unverified and suspended organisations with the reason, and an empty message beside its field', async () => {
    const unverified = await createOrganisation({ kind: 'vocational_higher', verification: 'pending', name: '山西示例待审核学院' })
    const { actor } = await signInMember(unverified.id)
    expect(await refusal(startMatch({ actor, listingId: p.listing.id, message: '你好' }))).toMatchObject({
      code: 'forbidden',
      key: 'match.start.unverified',
    })
    expect(await getStartEntry({ actor, listing: { ...p.listing, status: 'published' } })).toEqual({ state: 'unverified' })

    const other = await createOrganisation({ kind: 'vocational_higher', name: '山西示例被暂停学院' })
    const v = await createUser()
    await addMember(v.id, other.id)
    const signed = await signIn(v.id, other.id)
    expect(await refusal(startMatch({ actor: signed.actor, listingId: p.listing.id, message: '  ' }))).toMatchObject({
      key: 'match.message.required',
      field: 'message',
    })
    await db.update(organisations).set({ outreachSuspendedAt: new Date() }).where(eq(organisations.id, other.id))
    expect(await refusal(startMatch({ actor: signed.actor, listingId: p.listing.id, message: '你好' }))).toMatchObject({
      key: 'match.start.suspended',
    })
  })

  it('limits new interests per organisation per day', async () => {
    const college = await createOrganisation({ kind: 'vocational_higher', name: '山西示例群发学院' })
    const { actor } = await signInMember(college.id)
    const owner = await createOrganisation({ name: '山西示例接收企业' })
    const limit = 20
    for (let i = 0; i < limit; i++) {
      const listing = await createListing(owner.id)
      await startMatch({ actor, listingId: listing.id, message: `第 ${i + 1} 封` })
    }
    const extra = await createListing(owner.id)
    expect(await refusal(startMatch({ actor, listingId: extra.id, message: '第 21 封' }))).toMatchObject({
      code: 'rate_limited',
      key: 'match.start.rateLimited',
    })
  })
})

describe('the life of a match', () => {
  it('goes 意向 → 洽谈 → 签约 (with a dispute) → 执行 → 完成 with both sides, recording who from which organisation', async () => {
    const parties = await createMatchParties()
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '希望合作' })
    await act({ actor: parties.entActor, matchId: id, action: 'negotiate' })
    await postMessage({ actor: parties.entActor, matchId: id, body: '欢迎来访，下周二面谈。' })
    const scan = await attachFile(id, parties.college.id)
    await act({ actor: parties.colActor, matchId: id, action: 'propose_sign', attachmentId: scan })
    expect(await refusal(act({ actor: parties.colActor, matchId: id, action: 'confirm' }))).toMatchObject({ key: 'match.rule.ownProposal' })
    await act({ actor: parties.entActor, matchId: id, action: 'dispute', note: '协议第 5 条实习补贴金额与洽谈不一致' })
    await act({ actor: parties.colActor, matchId: id, action: 'propose_sign', attachmentId: scan })
    const signed = await act({ actor: parties.entActor, matchId: id, action: 'confirm' })
    expect(signed.stage).toBe('signed')
    await act({ actor: parties.entActor, matchId: id, action: 'start' })
    const badOutcome = await refusal(
      act({ actor: parties.entActor, matchId: id, action: 'propose_complete', outcome: { internsPlaced: '-3', internDays: '10' } }),
    )
    expect(badOutcome).toMatchObject({ key: 'match.outcome.negative', field: 'internsPlaced' })
    const proposed = await act({
      actor: parties.entActor,
      matchId: id,
      action: 'propose_complete',
      outcome: { internsPlaced: '18', internDays: '1620', internsHired: '6', tripartiteAgreement: 'on', insurance: 'on' },
    })
    expect(proposed.warnings.map((w) => w.key)).toEqual(['match.outcome.warn.pay'])
    const view = await getMatch({ actor: parties.colActor, id })
    const proposalEvent = view.events.find((e) => e.kind === 'proposal' && (e.data as { kind: string }).kind === 'complete')!
    expect(view.proposalOutcomes[proposalEvent.proposalId!]).toMatchObject({ internsPlaced: 18 })
    expect(view.actions).toEqual(['confirm', 'dispute', 'terminate'])
    const done = await act({ actor: parties.colActor, matchId: id, action: 'confirm' })
    expect(done.stage).toBe('completed')

    // After confirmation the timeline still shows the figures that were proposed.
    const after = await getMatch({ actor: parties.entActor, id })
    expect(after.proposalOutcomes[proposalEvent.proposalId!]).toMatchObject({ internsPlaced: 18 })
    const [row] = await db.select().from(matches).where(eq(matches.id, id))
    expect(row!.outcome).toEqual({
      internsPlaced: 18,
      internDays: 1620,
      internsHired: 6,
      tripartiteAgreement: true,
      insurance: true,
      paid: false,
    })
    expect(row!.signedAt).not.toBeNull()
    expect(row!.completedAt).not.toBeNull()
    expect(row!.firstResponseAt).not.toBeNull()
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, id)).orderBy(asc(matchEvents.seq))
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
    expect(events.filter((e) => e.kind === 'stage_change').map((e) => `${e.fromStage}→${e.toStage}@${e.actorOrganisationId}`)).toEqual([
      `null→contact@${parties.college.id}`,
      `contact→negotiation@${parties.enterprise.id}`,
      `negotiation→signed@${parties.enterprise.id}`,
      `signed→in_progress@${parties.enterprise.id}`,
      `in_progress→completed@${parties.college.id}`,
    ])
    expect(events.map((e) => e.kind)).toContain('dispute')
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'match'), eq(auditLog.entityId, id)))
    expect(audits.map((a) => a.action)).toEqual([
      'match.start',
      'match.negotiate',
      'match.propose_sign',
      'match.dispute',
      'match.propose_sign',
      'match.confirm',
      'match.start',
      'match.propose_complete',
      'match.confirm',
    ])
  })

  it('refuses a stale version with the conflict message and writes nothing', async () => {
    const parties = await createMatchParties()
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '希望合作' })
    await applyMatchAction({ actor: parties.entActor, matchId: id, version: 1, action: 'negotiate' })
    const before = await db.select().from(matchEvents).where(eq(matchEvents.matchId, id))
    expect(
      await refusal(
        applyMatchAction({
          actor: parties.colActor,
          matchId: id,
          version: 1,
          action: 'terminate',
          reason: 'plans_changed',
          note: '计划调整',
        }),
      ),
    ).toEqual({
      code: 'conflict',
      key: 'match.conflict',
      field: undefined,
    })
    expect(await db.select().from(matchEvents).where(eq(matchEvents.matchId, id))).toHaveLength(before.length)
    expect(await versionOf(id)).toBe(2)
  })

  it('lets the counterpart decline at 意向 with a reason, and terminate needs a reason from the list plus text', async () => {
    const parties = await createMatchParties()
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '希望合作' })
    expect(await refusal(act({ actor: parties.colActor, matchId: id, action: 'decline', reason: 'timing' }))).toMatchObject({
      key: 'match.rule.side',
    })
    expect(await refusal(act({ actor: parties.entActor, matchId: id, action: 'terminate', reason: 'because', note: 'x' }))).toMatchObject({
      field: 'reason',
    })
    expect(await refusal(act({ actor: parties.entActor, matchId: id, action: 'terminate', reason: 'plans_changed' }))).toMatchObject({
      field: 'note',
    })
    await act({ actor: parties.entActor, matchId: id, action: 'decline', reason: 'no_capacity', note: '本期名额已满' })
    const [row] = await db.select().from(matches).where(eq(matches.id, id))
    expect(row).toMatchObject({
      stage: 'terminated',
      endReason: 'declined_no_capacity',
      endNote: '本期名额已满',
      endedByOrganisationId: parties.enterprise.id,
    })
    // Closed, so the pair may start again.
    expect((await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '下学期再联系' })).existing).toBe(false)
  })
})

describe('who sees a match', () => {
  it('is 404 for members of other organisations and government users; read-only for platform admins; messages never reach government', async () => {
    const parties = await createMatchParties()
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '机密的第一条留言' })
    const stranger = await createOrganisation({ name: '山西示例无关企业' })
    const s = await createUser()
    await addMember(s.id, stranger.id)
    const strangerActor = (await signIn(s.id, stranger.id)).actor
    const gov = (await signIn((await createUser({ govScopeType: 'province', govScopeCode: 'shanxi' })).id)).actor
    const admin = (await signIn((await createUser({ platformRole: 'admin' })).id)).actor
    for (const actor of [strangerActor, gov, { kind: 'anonymous' } as Actor]) {
      expect(await refusal(getMatch({ actor, id }))).toMatchObject({ code: 'not_found' })
      expect(await refusal(postMessage({ actor, matchId: id, body: '插话' }))).toMatchObject({ code: 'not_found' })
    }
    const seen = await getMatch({ actor: admin, id })
    expect(seen.readOnly).toBe(true)
    expect(seen.actions).toEqual([])
    expect(await refusal(act({ actor: admin, matchId: id, action: 'negotiate' }))).toMatchObject({
      code: 'forbidden',
      key: 'match.readOnly',
    })
    const mine = await getMatch({ actor: parties.entActor, id })
    expect(mine.counterpart.name).toBe(parties.college.name)
    expect(mine.actions).toEqual(['negotiate', 'decline', 'terminate'])
  })
})

describe('我的合作 list', () => {
  it('shows awaiting-my-confirmation, filters by stage and type, searches and pages', async () => {
    const parties = await createMatchParties()
    const listing2 = await createListing(parties.enterprise.id, { title: '数控加工教师企业实践岗位', type: 'teacher_practice' })
    const a = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '实习合作' })
    const b = await startMatch({ actor: parties.colActor, listingId: listing2.id, message: '教师实践' })
    await act({ actor: parties.entActor, matchId: a.id, action: 'negotiate' })
    await act({ actor: parties.colActor, matchId: a.id, action: 'propose_sign', attachmentId: await attachFile(a.id, parties.college.id) })
    const ent = await listMatches({ actor: parties.entActor, organisationId: parties.enterprise.id, filters: { tab: 'awaiting' } })
    expect(ent.items.map((i) => i.id)).toEqual([a.id])
    expect(ent.tabs).toMatchObject({ all: 2, open: 2, awaiting: 1, stale: 0 })
    const col = await listMatches({ actor: parties.colActor, organisationId: parties.college.id, filters: { tab: 'awaiting' } })
    expect(col.items).toEqual([])
    expect(
      (await listMatches({ actor: parties.colActor, organisationId: parties.college.id, filters: { type: 'teacher_practice' } })).items.map(
        (i) => i.id,
      ),
    ).toEqual([b.id])
    expect(
      (await listMatches({ actor: parties.colActor, organisationId: parties.college.id, filters: { q: '数控' } })).items.map((i) => i.id),
    ).toEqual([b.id])
    expect(
      (await listMatches({ actor: parties.colActor, organisationId: parties.college.id, filters: { stage: 'negotiation' } })).items.map(
        (i) => i.id,
      ),
    ).toEqual([a.id])
    const paged = await listMatches({ actor: parties.colActor, organisationId: parties.college.id, filters: { pageSize: 1, page: 2 } })
    expect(paged).toMatchObject({ total: 2, page: 2 })
    expect(paged.items).toHaveLength(1)
    expect(await refusal(listMatches({ actor: parties.entActor, organisationId: parties.college.id }))).toMatchObject({ code: 'forbidden' })
  })
})

describe('notifications', () => {
  it('mails messages at most once per match per hour, and not at all for a kind the user turned off', async () => {
    const parties = await createMatchParties()
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '希望合作' })
    const mailsTo = async (email: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).length
    const t0 = new Date()
    const before = await mailsTo(parties.enterpriseUser.email)
    await postMessage({ actor: parties.colActor, matchId: id, body: '第一条', now: t0 })
    await postMessage({ actor: parties.colActor, matchId: id, body: '第二条', now: new Date(t0.getTime() + 10 * 60_000) })
    expect(await mailsTo(parties.enterpriseUser.email)).toBe(before + 1)
    await postMessage({ actor: parties.colActor, matchId: id, body: '一小时后', now: new Date(t0.getTime() + 61 * 60_000) })
    expect(await mailsTo(parties.enterpriseUser.email)).toBe(before + 2)
    await setNotificationPreferences({
      actor: parties.entActor,
      email: { interest: true, proposal: true, update: true, stale: true, message: false },
    })
    await postMessage({ actor: parties.colActor, matchId: id, body: '两小时后', now: new Date(t0.getTime() + 130 * 60_000) })
    expect(await mailsTo(parties.enterpriseUser.email)).toBe(before + 2)
    expect(await countUnreadNotifications({ actor: parties.entActor })).toBe(5)
  })

  it('batches messages held back within the hour into one mail once the hour is over', async () => {
    const parties = await createMatchParties()
    const t0 = new Date(Date.now() - 3 * 3_600_000)
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '希望合作', now: t0 })
    const mails = async () =>
      (await db.select().from(mailOutbox).where(eq(mailOutbox.to, parties.enterpriseUser.email)).orderBy(asc(mailOutbox.id))).map(
        (m) => m.subject,
      )
    await postMessage({ actor: parties.colActor, matchId: id, body: '第一条', now: at(1) })
    await postMessage({ actor: parties.colActor, matchId: id, body: '第二条', now: at(5) })
    await postMessage({ actor: parties.colActor, matchId: id, body: '第三条', now: at(20) })
    const before = (await mails()).length
    expect(await sendMessageDigests({ db, now: at(30) })).toBe(0)
    expect(await sendMessageDigests({ db, now: at(62) })).toBe(1)
    const subjects = await mails()
    expect(subjects).toHaveLength(before + 1)
    expect(subjects.at(-1)).toContain('又给您留言 2 条')
    expect(await sendMessageDigests({ db, now: at(130) })).toBe(0)
  })
})
