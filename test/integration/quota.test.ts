import { describe, expect, it } from 'vitest'
import { getEnterpriseQuota } from '../../app/domain/metrics/quota.server'
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
