import { describe, expect, it } from 'vitest'
import { getEnterpriseQuota, parseQuotaYear } from '../../app/domain/metrics/quota.server'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

describe('enterprise quota panel', () => {
  it('compares this year’s posts with 10 % of technical posts and 0.5 % of staff', async () => {
    const org = await createOrganisation({ staffCount: 1200, technicalPostCount: 300 })
    const year = new Date().getFullYear()
    await createListing(org.id, { capacity: 20, startsOn: `${year}-03-01`, endsOn: `${year}-06-30` })
    await createListing(org.id, { capacity: 4, type: 'teacher_practice', startsOn: `${year}-07-01`, endsOn: `${year}-08-31` })
    await createListing(org.id, { capacity: 50, startsOn: `${year - 2}-03-01`, endsOn: `${year - 2}-06-30` })
    await createListing(org.id, { capacity: 50, status: 'draft', startsOn: `${year}-03-01`, endsOn: `${year}-06-30` })
    const user = await createUser()
    await addMember(user.id, org.id)
    const quota = await getEnterpriseQuota({ actor: (await signIn(user.id)).actor, organisationId: org.id, year })
    expect(quota!.lines).toEqual([
      { indicator: 'internship_post_ratio', threshold: 0.1, base: 300, required: 30, published: 20, missing: 10, met: false },
      { indicator: 'teacher_practice_ratio', threshold: 0.005, base: 1200, required: 6, published: 4, missing: 2, met: false },
    ])
  })

  it('is private to the enterprise’s members', async () => {
    const org = await createOrganisation()
    const stranger = await createUser()
    await expect(getEnterpriseQuota({ actor: (await signIn(stranger.id)).actor, organisationId: org.id })).rejects.toMatchObject({
      status: 403,
    })
  })
})

describe('quota panel by year', () => {
  it('counts a teacher-practice post dated next year in next year’s panel and lists it as not counting this year', async () => {
    const org = await createOrganisation({ staffCount: 1200, technicalPostCount: 300 })
    const year = new Date().getFullYear()
    const post = await createListing(org.id, {
      capacity: 5,
      type: 'teacher_practice',
      startsOn: `${year + 1}-07-01`,
      endsOn: `${year + 1}-08-31`,
    })
    const draft = await createListing(org.id, { capacity: 7, status: 'draft', startsOn: `${year}-03-01`, endsOn: `${year}-06-30` })
    const user = await createUser()
    await addMember(user.id, org.id)
    const { actor } = await signIn(user.id)

    const thisYear = (await getEnterpriseQuota({ actor, organisationId: org.id, year }))!
    expect(thisYear.lines[1]).toMatchObject({ indicator: 'teacher_practice_ratio', published: 0, required: 6 })
    expect(thisYear.posts.find((p) => p.id === post.id)?.reason).toBe('outside_year')
    expect(thisYear.posts.find((p) => p.id === draft.id)?.reason).toBe('not_published')

    const nextYear = (await getEnterpriseQuota({ actor, organisationId: org.id, year: year + 1 }))!
    expect(nextYear.year).toBe(year + 1)
    expect(nextYear.lines[1]).toMatchObject({ indicator: 'teacher_practice_ratio', published: 5, missing: 1 })
    expect(nextYear.posts.find((p) => p.id === post.id)?.reason).toBe('counted')
  })

  it('takes the year from ?year= within a sensible range', () => {
    const now = new Date('2026-05-01')
    expect(parseQuotaYear('2027', now)).toBe(2027)
    expect(parseQuotaYear('abc', now)).toBe(2026)
    expect(parseQuotaYear('1e400', now)).toBe(2026)
    expect(parseQuotaYear(null, now)).toBe(2026)
  })
})
