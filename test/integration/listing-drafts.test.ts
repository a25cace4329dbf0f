import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { handleListingSubmission } from '../../app/domain/listings/form-submission.server'
import { changeListingStatus, createListing, updateListing } from '../../app/domain/listings/mutations.server'
import { ListingDraftSchema, ListingSchema } from '../../app/lib/schemas/listing'
import { listings } from '../../db/schema'
import { createOrganisation } from '../factories'
import { internshipListingFields } from '../factories/forms'
import { memberOfNewOrganisation } from '../factories/accounts'

const memberOf = () => memberOfNewOrganisation({ cityCode: 'changzhi' })

const post = (fields: Record<string, string>) =>
  new Request('http://localhost/listings/new', { method: 'POST', body: new URLSearchParams(fields) })

const complete = {
  ...internshipListingFields('综采液压支架装配与调试顶岗实习'),
  details: { majors: '机电一体化技术', period: '2027 年春季学期', location: '长治市', dailyHours: '8' },
}

describe('drafts save incomplete and are checked in full at publish', () => {
  it('保存草稿 keeps a draft that has only a title', async () => {
    const { org, actor } = await memberOf()
    let saved: number | undefined
    const response = await handleListingSubmission(
      post({ intent: 'draft', type: 'internship', direction: 'offer', title: '煤机装配实习（草稿）', capacity: '' }),
      async (input, publish) => {
        saved = await createListing({ actor, organisationId: org.id, input, publish })
        return new Response(null, { status: 204 })
      },
    )
    expect(response.status).toBe(204)
    const [row] = await db.select().from(listings).where(eq(listings.id, saved!))
    expect(row).toMatchObject({ status: 'draft', title: '煤机装配实习（草稿）', capacity: null, startsOn: null, cityCode: null })
  })

  it('publishing answers every missing field in one round, common and type-specific', async () => {
    const response = await handleListingSubmission(
      post({ intent: 'publish', type: 'internship', direction: 'offer', title: '煤机装配实习岗位', capacity: '12' }),
      async () => new Response(null, { status: 204 }),
    )
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: Record<string, string[]> }
    expect(Object.keys(error)).toEqual(expect.arrayContaining(['description', 'cityCode', 'startsOn', 'details.majors', 'details.period']))
  })

  it('an incomplete draft cannot be published until it is completed', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({
      actor,
      organisationId: org.id,
      input: ListingDraftSchema.parse({ direction: 'offer', type: 'internship', title: '煤机装配实习（草稿）' }),
    })
    await expect(changeListingStatus({ actor, id, action: 'publish' })).rejects.toMatchObject({ messageKey: 'listing.incomplete' })
    await updateListing({ actor, id, input: ListingSchema.parse(complete) })
    expect(await changeListingStatus({ actor, id, action: 'publish' })).toBe('published')
  })

  it('the database refuses a published listing without its dates', async () => {
    const org = await createOrganisation()
    await expect(
      db
        .insert(listings)
        .values({ organisationId: org.id, direction: 'offer', type: 'internship', title: 'x', description: '', status: 'published' }),
    ).rejects.toThrow()
  })
})
