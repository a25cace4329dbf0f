import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { anonymous } from '../../app/domain/actor'
import { dismissRecommendation } from '../../app/domain/matching/dismissals.server'
import { nearbyCities, rankOwnListingsFor, recommendForListing, recommendForOrganisation } from '../../app/domain/matching/recommend.server'
import { matches } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn, signInMember } from '../factories/accounts'

const needOf = (org: number, overrides: Parameters<typeof createListing>[1] = {}) =>
  createListing(org, {
    direction: 'need',
    title: '机电一体化技术专业 30 名学生寻求综采液压支架企业顶岗实习',
    description: '我校机电一体化技术专业学生需要在煤机装备企业开展顶岗实习，希望从事液压支架装配与调试。',
    cityCode: 'taiyuan',
    capacity: 30,
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
    details: { majors: ['机电一体化技术'], headcount: 30 },
    ...overrides,
  })

let college: { id: number }
let collegeActor: Awaited<ReturnType<typeof signIn>>['actor']
let need: { id: number }
let near: { id: number; organisationId: number }
let nearSecond: { id: number }
let far: { id: number }
let crowded: { id: number }
let enterpriseActor: Awaited<ReturnType<typeof signIn>>['actor']

beforeAll(async () => {
  college = await createOrganisation({
    kind: 'vocational_higher',
    name: '山西示例职业技术学院',
    cityCode: 'taiyuan',
    majors: ['机电一体化技术'],
  })
  need = await needOf(college.id)
  const jinzhong = await createOrganisation({ name: '晋中示例煤机装备有限公司', cityCode: 'jinzhong', technicalPostCount: 300 })
  near = await createListing(jinzhong.id, { cityCode: 'jinzhong', startsOn: '2027-04-01', endsOn: '2027-08-31' })
  nearSecond = await createListing(jinzhong.id, {
    cityCode: 'jinzhong',
    title: '煤机装备电气调试实习',
    startsOn: '2027-04-01',
    endsOn: '2027-08-31',
  })
  const yuncheng = await createOrganisation({ name: '运城示例煤机配件有限公司', cityCode: 'yuncheng' })
  far = await createListing(yuncheng.id, {
    cityCode: 'yuncheng',
    details: { majors: ['软件技术'], headcount: 20 },
    startsOn: '2027-09-01',
    endsOn: '2027-12-31',
    title: '煤机配件仓储管理实习',
    description: '仓储与物流岗位。',
  })
  const busy = await createOrganisation({ name: '晋中示例液压支架有限公司', cityCode: 'jinzhong', technicalPostCount: 300 })
  crowded = await createListing(busy.id, { cityCode: 'jinzhong', capacity: 2, startsOn: '2027-04-01', endsOn: '2027-08-31' })
  // Ten colleges already pursue the two places of the crowded post.
  for (let i = 0; i < 10; i++) {
    const other = await createOrganisation({ kind: 'vocational_higher', name: `山西示例职业学院${i}`, cityCode: 'taiyuan' })
    await db.insert(matches).values({
      listingId: crowded.id,
      initiatorOrganisationId: other.id,
      partnerOrganisationId: busy.id,
      type: 'internship',
      stage: 'contact',
      createdAt: new Date(Date.now() - 86_400_000),
    })
  }
  collegeActor = (await signInMember(college.id)).actor
  enterpriseActor = (await signInMember(jinzhong.id)).actor
})

describe('recommendations', () => {
  it('ranks a near post in the same cluster with the right majors above a far one, with reasons from the viewer side', async () => {
    const { listings, organisations } = await recommendForListing({ actor: collegeActor, listingId: need.id })
    const order = listings.map((l) => l.listing.id)
    expect(order.indexOf(near.id)).toBeGreaterThanOrEqual(0)
    expect(order.indexOf(near.id)).toBeLessThan(order.indexOf(far.id))
    const top = listings.find((l) => l.listing.id === near.id)!
    expect(top.reasons).toHaveLength(3)
    expect(top.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['matching.reason.cluster', 'matching.reason.majors']))
    expect(top.viaListingId).toBe(need.id)
    expect(organisations.map((o) => o.organisation.id)).toContain(near.organisationId)
  })

  it('also offers organisations nearby that share no cluster with the listing, nearest city first, never one that joined later', async () => {
    const sameCity = await createOrganisation({ name: '太原示例数据服务有限公司', cityCode: 'taiyuan', clusters: ['bigdata'] })
    const farAway = await createOrganisation({ name: '运城示例数据服务有限公司', cityCode: 'yuncheng', clusters: ['bigdata'] })
    const { organisations } = await recommendForListing({ actor: collegeActor, listingId: need.id, options: { limit: 50 } })
    const ids = organisations.map((o) => o.organisation.id)
    expect(ids).toContain(sameCity.id)
    expect(ids).not.toContain(farAway.id)
    expect(organisations.find((o) => o.organisation.id === sameCity.id)!.reasons.map((r) => r.key)).toContain('matching.reason.sameCity')
    // As of a day before it registered, the evaluation must not see it.
    const before = await recommendForListing({
      actor: collegeActor,
      listingId: need.id,
      options: { limit: 50, asOf: new Date(Date.now() - 86_400_000) },
    })
    expect(before.organisations.map((o) => o.organisation.id)).not.toContain(sameCity.id)
    expect(nearbyCities('taiyuan')[0]).toBe('taiyuan')
    expect(nearbyCities('taiyuan')).toContain('jinzhong')
    expect(nearbyCities('taiyuan')).not.toContain('yuncheng')
  })

  it('is capacity-aware: a post already chased by ten colleges for two places ranks below the same post with room', async () => {
    const { listings } = await recommendForListing({ actor: collegeActor, listingId: need.id })
    const order = listings.map((l) => l.listing.id)
    expect(order.indexOf(near.id)).toBeLessThan(order.indexOf(crowded.id))
  })

  it('as of a past date, counts the matches open that day (signed since) and not a verification that came later', async () => {
    const day = 86_400_000
    const asOf = new Date(Date.now() - 5 * day)
    const past = {
      publishedAt: new Date(Date.now() - 30 * day),
      cityCode: 'jinzhong',
      capacity: 2,
      startsOn: '2027-04-01',
      endsOn: '2027-08-31',
    }
    const older = new Date(Date.now() - 60 * day)
    const enterprise = (name: string, verifiedAt: Date) =>
      createOrganisation({ name, cityCode: 'jinzhong', technicalPostCount: 300, createdAt: older, verifiedAt })
    const twin = await createListing((await enterprise('晋中示例综采装备甲有限公司', older)).id, past)
    const busy = await enterprise('晋中示例综采装备乙有限公司', older)
    const chased = await createListing(busy.id, past)
    const late = await createListing((await enterprise('晋中示例综采装备丙有限公司', new Date(Date.now() - day))).id, past)
    // Eight colleges were talking to the chased post on that day; all have signed since.
    for (let i = 0; i < 8; i++) {
      const other = await createOrganisation({ kind: 'vocational_higher', name: `山西示例洽谈职业学院${i}`, cityCode: 'taiyuan' })
      await db.insert(matches).values({
        listingId: chased.id,
        initiatorOrganisationId: busy.id,
        partnerOrganisationId: other.id,
        type: 'internship',
        stage: 'signed',
        createdAt: new Date(Date.now() - 10 * day),
        signedAt: new Date(Date.now() - 2 * day),
      })
    }
    const college4 = await createOrganisation({
      kind: 'vocational_higher',
      cityCode: 'taiyuan',
      majors: ['机电一体化技术'],
      createdAt: older,
    })
    const need4 = await needOf(college4.id, { publishedAt: new Date(Date.now() - 30 * day) })
    const fit = async (options: { asOf?: Date }) => {
      const { listings } = await recommendForListing({ actor: anonymous, listingId: need4.id, options: { limit: 50, ...options } })
      const of = (id: number) => listings.find((l) => l.listing.id === id)!.forViewer
      return { twin: of(twin.id), chased: of(chased.id), late: of(late.id) }
    }
    const then = await fit({ asOf })
    expect(then.chased).toBeLessThan(then.twin)
    expect(then.late).toBeLessThan(then.twin)
    // Today the chased post's matches are signed, not open, and the late one is verified: all three alike.
    const now = await fit({})
    expect(now.chased).toBeCloseTo(now.twin, 9)
    expect(now.late).toBeCloseTo(now.twin, 9)
  })

  it('answers 404 for a listing the user may not see', async () => {
    const college2 = await createOrganisation({ kind: 'vocational_higher', cityCode: 'taiyuan' })
    const draft = await needOf(college2.id, { status: 'draft', publishedAt: null })
    await expect(recommendForListing({ actor: collegeActor, listingId: draft.id })).rejects.toMatchObject({ code: 'not_found' })
    await expect(recommendForListing({ actor: anonymous, listingId: 99_999_999 })).rejects.toMatchObject({ code: 'not_found' })
    // Anyone may see recommendations for a published listing.
    await expect(recommendForListing({ actor: anonymous, listingId: need.id })).resolves.toBeTruthy()
  })

  it('dismissing ("不合适") removes the listing and lowers the rest of that organisation for later rankings', async () => {
    const before = await recommendForListing({ actor: collegeActor, listingId: need.id })
    const secondBefore = before.listings.find((l) => l.listing.id === nearSecond.id)!.score
    await dismissRecommendation({ actor: collegeActor, targetListingId: near.id, targetOrganisationId: null, reason: 'too_far' })
    const after = await recommendForListing({ actor: collegeActor, listingId: need.id })
    expect(after.listings.map((l) => l.listing.id)).not.toContain(near.id)
    expect(after.listings.find((l) => l.listing.id === nearSecond.id)!.score).toBeLessThan(secondBefore)
    // Someone else's rankings are untouched.
    const outsider = await recommendForListing({ actor: anonymous, listingId: need.id })
    expect(outsider.listings.map((l) => l.listing.id)).toContain(near.id)
    // Dismissing again with another reason is an update, not an error.
    await dismissRecommendation({ actor: collegeActor, targetListingId: near.id, targetOrganisationId: null, reason: 'other' })
    await expect(
      dismissRecommendation({ actor: collegeActor, targetListingId: near.id, targetOrganisationId: null, reason: 'because' }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'reason' })
    await expect(
      dismissRecommendation({ actor: anonymous, targetListingId: near.id, targetOrganisationId: null, reason: 'other' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('dismissing a whole organisation removes all its listings and the organisation', async () => {
    const college3 = await createOrganisation({ kind: 'vocational_higher', cityCode: 'taiyuan', majors: ['机电一体化技术'] })
    const need3 = await needOf(college3.id)
    const user = await createUser()
    await addMember(user.id, college3.id)
    const actor = (await signIn(user.id, college3.id)).actor
    await dismissRecommendation({ actor, targetListingId: null, targetOrganisationId: near.organisationId, reason: 'not_relevant' })
    const after = await recommendForListing({ actor, listingId: need3.id })
    expect(after.listings.map((l) => l.listing.id)).not.toContain(nearSecond.id)
    expect(after.organisations.map((o) => o.organisation.id)).not.toContain(near.organisationId)
  })

  it('the dashboard gets counterparts across the organisation listings; a visitor sees which own listing fits', async () => {
    const forOrg = await recommendForOrganisation({ actor: enterpriseActor, organisationId: near.organisationId })
    expect(forOrg.listings.map((l) => l.listing.id)).toContain(need.id)
    const own = await rankOwnListingsFor({ actor: enterpriseActor, listingId: need.id })
    expect(own.map((l) => l.listing.id)).toEqual(expect.arrayContaining([near.id, nearSecond.id]))
    expect(own[0]!.reasons.length).toBeGreaterThan(0)
    await expect(recommendForOrganisation({ actor: collegeActor, organisationId: near.organisationId })).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('works for all five types, with the cross-links result ↔ problem and joint lab ↔ R&D problem', async () => {
    const uni = await createOrganisation({
      kind: 'undergrad',
      name: '太原示例理工大学',
      cityCode: 'taiyuan',
      majors: ['机械设计制造及其自动化'],
    })
    const ent = await createOrganisation({ name: '晋中示例智能矿山有限公司', cityCode: 'jinzhong' })
    const window = { startsOn: '2027-03-01', endsOn: '2027-12-31' }
    const cases: [string, 'need' | 'offer', Record<string, unknown>, string, 'need' | 'offer', Record<string, unknown>][] = [
      [
        'teacher_practice',
        'need',
        { field: '机电一体化技术', posts: 2 },
        'teacher_practice',
        'offer',
        { field: '机电一体化技术', posts: 3 },
      ],
      ['industry_college', 'need', { majors: ['机电一体化技术'] }, 'industry_college', 'offer', { majors: ['机电一体化技术'] }],
      ['tech_transfer', 'offer', { kind: 'result', trl: 6 }, 'tech_transfer', 'need', { kind: 'problem', budgetWan: 80 }],
      ['joint_lab', 'offer', { researchDirection: '智能综采' }, 'tech_transfer', 'need', { kind: 'problem', budgetWan: 50 }],
      ['internship', 'need', { majors: ['机电一体化技术'] }, 'internship', 'offer', { majors: ['机电一体化技术'] }],
    ]
    for (const [type, direction, details, otherType, otherDirection, otherDetails] of cases) {
      const owner = type === 'tech_transfer' || type === 'joint_lab' ? uni : college
      const mine = await createListing(owner.id, { type, direction, details, cityCode: 'taiyuan', ...window })
      const theirs = await createListing(ent.id, {
        type: otherType,
        direction: otherDirection,
        details: otherDetails,
        cityCode: 'jinzhong',
        ...window,
      })
      const { listings } = await recommendForListing({ actor: anonymous, listingId: mine.id })
      expect({ type, found: listings.some((l) => l.listing.id === theirs.id) }).toEqual({ type, found: true })
      expect(listings.find((l) => l.listing.id === theirs.id)!.reasons[0]!.key).toBe('matching.reason.cluster')
    }
  })
})
