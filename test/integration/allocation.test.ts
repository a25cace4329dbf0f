import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import {
  compareRuns,
  getAllocationRun,
  listAllocationRuns,
  publishAllocationRun,
  runAllocation,
  saveAllocationDraft,
} from '../../app/domain/matching/allocation.server'
import { matchEvents, matches, notifications } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { createAllocationMarket } from '../factories/allocation'
import { addMember, createUser, signIn, signInMember } from '../factories/accounts'

type ActorOf = Awaited<ReturnType<typeof signIn>>['actor']
let college: { id: number }
let collegeActor: ActorOf
let enterpriseActor: ActorOf
let govActor: ActorOf
let taiyuanPost: { id: number }
let datongPost: { id: number }
let closedPost: { id: number }
let enterpriseUserId: number
let tyId: number

const period = { periodStart: '2027-03-01', periodEnd: '2027-06-30' }

beforeAll(async () => {
  college = await createOrganisation({
    kind: 'vocational_higher',
    name: '山西示例机电职业技术学院',
    cityCode: 'taiyuan',
    majors: ['机电一体化技术'],
    contactEmail: 'college@example.cn',
  })
  const market = await createAllocationMarket(college.id, {
    taiyuan: { name: '太原示例煤机有限公司', contactEmail: 'ty@example.cn' },
    datong: { name: '大同示例煤机有限公司', contactEmail: 'dt@example.cn' },
  })
  const { ty, dt } = market
  taiyuanPost = market.taiyuanPost
  datongPost = market.datongPost
  closedPost = await createListing(dt.id, { cityCode: 'datong', status: 'closed' })
  collegeActor = (await signInMember(college.id)).actor
  const e = await createUser()
  await addMember(e.id, ty.id)
  enterpriseUserId = e.id
  tyId = ty.id
  enterpriseActor = (await signIn(e.id, ty.id)).actor
  const g = await createUser({ govScopeType: 'province', govScopeCode: 'shanxi' })
  govActor = (await signIn(g.id, null)).actor
})

describe('allocation runs', () => {
  it('allocates a college request within capacities, first choices first, and says why the rest stay unassigned', async () => {
    const view = await runAllocation({
      actor: collegeActor,
      form: { ...period, requests: '机电一体化技术, 10, 太原市, 大同市\n软件技术, 2, 太原市', caps: '' },
    })
    expect(view.variant).toBe('deferred_acceptance')
    const placed = Object.fromEntries(view.assignments.map((a) => [a.postId, a.count]))
    expect(placed).toEqual({ [taiyuanPost.id]: 3, [datongPost.id]: 5 })
    expect(view.summary).toMatchObject({ assigned: 8, unassigned: 4 })
    expect(view.unassigned).toEqual(
      expect.arrayContaining([
        { requestId: 'r1', reason: 'capacity', count: 2, choices: 2 },
        { requestId: 'r2', reason: 'no_post_for_major', count: 2, choices: 1 },
      ]),
    )
  })

  it('uses Kamada–Kojima flexible DA under a regional cap, and refuses an unmeetable floor with a clear message', async () => {
    const capped = await runAllocation({
      actor: collegeActor,
      form: { ...period, requests: '机电一体化技术, 8', caps: '晋北城镇圈, 至多, 2' },
    })
    expect(capped.variant).toBe('flexible_deferred_acceptance')
    expect(capped.regionCounts.north).toBe(2)
    expect(capped.unassigned).toEqual([{ requestId: 'r1', reason: 'regional_cap', count: 3, choices: 2 }])
    await expect(
      runAllocation({ actor: collegeActor, form: { ...period, requests: '机电一体化技术, 8', caps: '晋南城镇圈, 至少, 3' } }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'caps' })
    await expect(
      runAllocation({ actor: collegeActor, form: { ...period, requests: '机电一体化技术, 8', caps: '晋北城镇圈, 至少, 9' } }),
    ).rejects.toMatchObject({ code: 'invalid', messageKey: 'allocation.error.floorUnmeetable', field: 'caps' })
  })

  it('refuses bad input: no posts in the period, closed listings in preferences, malformed lines, non-colleges', async () => {
    await expect(
      runAllocation({
        actor: collegeActor,
        form: { periodStart: '2031-01-01', periodEnd: '2031-02-01', requests: '机电一体化技术, 2', caps: '' },
      }),
    ).rejects.toMatchObject({ messageKey: 'allocation.error.noPosts' })
    await expect(
      runAllocation({ actor: collegeActor, form: { ...period, requests: `机电一体化技术, 2, #${closedPost.id}`, caps: '' } }),
    ).rejects.toMatchObject({ messageKey: 'allocation.error.foreignPost', vars: { post: `#${closedPost.id}` } })
    await expect(runAllocation({ actor: collegeActor, form: { ...period, requests: '机电一体化技术', caps: '' } })).rejects.toMatchObject({
      messageKey: 'allocation.error.requestLine',
      field: 'requests',
    })
    await expect(runAllocation({ actor: collegeActor, form: { ...period, requests: '', caps: '' } })).rejects.toMatchObject({
      messageKey: 'allocation.error.noRequests',
    })
    await expect(
      runAllocation({ actor: enterpriseActor, form: { ...period, requests: '机电一体化技术, 2', caps: '' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect(await listAllocationRuns({ actor: collegeActor })).toEqual([])
  })

  it('a province official allocates the published needs in scope', async () => {
    const view = await runAllocation({ actor: govActor, form: { ...period, requests: '', caps: '' } })
    expect(view.requests).toHaveLength(1)
    // The need is for Taiyuan, whose one post has 3 places.
    expect(view.summary.assigned).toBe(3)
    expect(view.unassigned).toEqual([{ requestId: 'r1', reason: 'capacity', count: 1, choices: 1 }])
  })

  it('saves drafts, compares two runs, publishes once as matches at 意向 with events and mail to both sides', async () => {
    const a = await saveAllocationDraft({
      actor: collegeActor,
      form: { ...period, requests: '机电一体化技术, 4, 太原市, 大同市', caps: '' },
    })
    const b = await saveAllocationDraft({ actor: collegeActor, form: { ...period, requests: '机电一体化技术, 4, 大同市', caps: '' } })
    expect((await listAllocationRuns({ actor: collegeActor })).map((r) => r.id)).toEqual([b, a])
    const runA = await getAllocationRun({ actor: collegeActor, id: a })
    const runB = await getAllocationRun({ actor: collegeActor, id: b })
    const diff = compareRuns(runA.result, runB.result)
    expect(diff.same + diff.moved).toBe(4)
    expect(diff.moved).toBeGreaterThan(0)
    await expect(getAllocationRun({ actor: enterpriseActor, id: a })).rejects.toMatchObject({ code: 'forbidden' })

    const { created } = await publishAllocationRun({ actor: collegeActor, id: a })
    expect(created).toBe(runA.result.assignments.length)
    const made = await db.select().from(matches).where(eq(matches.initiatorOrganisationId, college.id))
    expect(made.map((m) => m.stage)).toEqual(made.map(() => 'contact'))
    expect(made.map((m) => m.listingId).sort()).toEqual(runA.result.assignments.map((x) => x.postId).sort())
    const events = await db.select().from(matchEvents).where(eq(matchEvents.matchId, made[0]!.id))
    expect(events).toContainEqual(expect.objectContaining({ kind: 'stage_change', fromStage: null, toStage: 'contact' }))
    // Both sides are told: the enterprise's member gets a bell entry (the college's only member is the one publishing).
    const told = await db.select().from(notifications).where(eq(notifications.userId, enterpriseUserId))
    expect(told.filter((n) => made.some((m) => m.id === n.matchId)).length).toBe(
      made.filter((m) => m.partnerOrganisationId === tyId).length,
    )
    expect((await getAllocationRun({ actor: collegeActor, id: a })).status).toBe('published')
    await expect(publishAllocationRun({ actor: collegeActor, id: a })).rejects.toMatchObject({ code: 'conflict' })
  })
})
