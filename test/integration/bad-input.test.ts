import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { translate, type Language } from '../../app/lib/i18n'
import { translateMessage } from '../../app/lib/i18n/form-messages'
import { listingAttachments, listingClusters, listings } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { createUser, signIn, signInMember } from '../factories/accounts'

/**
 * Bad input the fuzzer and testers found answering 500: each is now a message beside its field,
 * in the reader's language, with nothing written.
 */

async function statusAndBody(call: () => Promise<unknown>) {
  try {
    const result = await call()
    return result instanceof Response ? { status: result.status, body: await result.text() } : { status: 200, body: '' }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() }
    throw thrown
  }
}

async function adminOfNewOrganisation() {
  const org = await createOrganisation({ cityCode: 'taiyuan' })
  const { user, cookie } = await signInMember(org.id, 'admin')
  return { org, user, cookie }
}

const post = (url: string, cookie: string, lang: Language, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method: 'POST', headers: { Cookie: `${cookie}; lang=${lang}`, ...headers }, body })

const completeListing = (reference: string) =>
  new URLSearchParams([
    ['intent', 'publish'],
    ['direction', 'offer'],
    ['type', 'internship'],
    ['title', '综采液压支架装配与调试顶岗实习'],
    ['description', '面向机电一体化技术专业学生，提供液压支架装配、调试与智能化改造岗位，配带教师傅，包住宿。'],
    ['clusters', 'coal_machinery'],
    ['clusters', 'coal_machinery'],
    ['cityCode', 'taiyuan'],
    ['capacity', '12'],
    ['startsOn', '2027-03-01'],
    ['endsOn', '2027-06-30'],
    ['reference', reference],
    ['details.majors', '机电一体化技术'],
    ['details.period', '2027 年春季学期'],
    ['details.location', '太原市'],
    ['details.dailyHours', '8'],
  ])

describe('ids in forms', () => {
  it.each(['abc', '1e400', '99999999999', '0x10', '-1'])(
    'userId=%s on the members page is "choose one from the list" (zh and en)',
    async (userId) => {
      const { action } = await import('../../app/routes/orgs.$id_.members')
      const { org, cookie } = await adminOfNewOrganisation()
      for (const lang of ['zh-CN', 'en'] as const) {
        const request = post(`/orgs/${org.id}/members`, cookie, lang, new URLSearchParams({ intent: 'remove', userId }))
        const { status, body } = await statusAndBody(() => action({ request, params: { id: String(org.id) }, context: {} }))
        expect(status).toBe(400)
        const reply = JSON.parse(body) as { error: Record<string, string[]> }
        expect(translateMessage(lang, reply.error.userId![0]!)).toBe(translate(lang, 'input.invalidId'))
      }
    },
  )

  it('organisationId=99999999999 on the verification queue is a 400, not a 500', async () => {
    const { action } = await import('../../app/routes/admin.verification')
    const admin = await createUser({ platformRole: 'admin' })
    const { cookie } = await signIn(admin.id, null)
    const request = post('/admin/verification', cookie, 'en', new URLSearchParams({ organisationId: '99999999999', decision: 'approve' }))
    expect((await statusAndBody(() => action({ request, params: {}, context: {} }))).status).toBe(400)
  })

  it('ids=99999999999 in the dashboard bulk form is a 400, not a 500', async () => {
    const { action } = await import('../../app/routes/dashboard')
    const { cookie } = await adminOfNewOrganisation()
    const request = post('/dashboard', cookie, 'zh-CN', new URLSearchParams({ intent: 'bulk', action: 'pause', ids: '99999999999' }))
    expect((await statusAndBody(() => action({ request, params: {}, context: {} }))).status).toBe(400)
  })
})

describe('listing form', () => {
  it('an existing 内部编号 answers beside the reference field, in Chinese and English, and writes nothing', async () => {
    const { action } = await import('../../app/routes/listings.new')
    const { org, cookie } = await adminOfNewOrganisation()
    await createListing(org.id, { reference: 'SX-2027-001' })
    const before = await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, org.id))
    for (const lang of ['zh-CN', 'en'] as const) {
      const request = post('/listings/new', cookie, lang, completeListing('SX-2027-001'))
      const { status, body } = await statusAndBody(() => action({ request, params: {}, context: {} }))
      expect(status).toBe(400)
      const reply = JSON.parse(body) as { error: Record<string, string[]>; initialValue: Record<string, unknown> }
      expect(reply.error.reference).toEqual([translate(lang, 'input.referenceTaken', { reference: 'SX-2027-001' })])
      expect(reply.initialValue.title).toBe('综采液压支架装配与调试顶岗实习')
    }
    expect(await db.select({ id: listings.id }).from(listings).where(eq(listings.organisationId, org.id))).toHaveLength(before.length)
  })

  it('an existing 内部编号 on edit answers beside the field too', async () => {
    const { action } = await import('../../app/routes/listings.$id_.edit')
    const { org, cookie } = await adminOfNewOrganisation()
    await createListing(org.id, { reference: 'SX-2027-002' })
    const other = await createListing(org.id, { reference: 'SX-2027-003' })
    const request = post(`/listings/${other.id}/edit`, cookie, 'en', completeListing('SX-2027-002'))
    const { status, body } = await statusAndBody(() => action({ request, params: { id: String(other.id) }, context: {} }))
    expect(status).toBe(400)
    expect((JSON.parse(body) as { error: Record<string, string[]> }).error.reference).toEqual([
      translate('en', 'input.referenceTaken', { reference: 'SX-2027-002' }),
    ])
  })

  it('a cluster sent twice is saved once', async () => {
    const { action } = await import('../../app/routes/listings.new')
    const { org, cookie } = await adminOfNewOrganisation()
    const response = (await action({
      request: post('/listings/new', cookie, 'zh-CN', completeListing('SX-2027-009')),
      params: {},
      context: {},
    })) as Response
    expect(response.status).toBe(302)
    const [row] = await db.select({ id: listings.id }).from(listings).where(eq(listings.reference, 'SX-2027-009'))
    expect(await db.select().from(listingClusters).where(eq(listingClusters.listingId, row!.id))).toHaveLength(1)
    expect(org.id).toBeGreaterThan(0)
  })
})

describe('bodies that are not forms', () => {
  it.each([
    ['application/json', '{"email":"a@b.cn"}', 415],
    ['text/plain', 'email=a@b.cn', 415],
    ['multipart/form-data; boundary=nope', 'garbage', 400],
  ])('%s to the sign-in form answers $2 with a clear message', async (type, body, expected) => {
    const { action } = await import('../../app/routes/login')
    const request = new Request('http://localhost/login', { method: 'POST', headers: { 'Content-Type': type, Cookie: 'lang=en' }, body })
    const answer = await statusAndBody(() => action({ request, params: {}, context: {} }))
    expect(answer.status).toBe(expected)
    expect(answer.body).toBe(translate('en', expected === 415 ? 'security.unsupportedContentType' : 'input.formUnreadable'))
  })
})

describe('file names', () => {
  it.each(['实习=手册.pdf', '协议;第2版.pdf'])('an attachment named %s uploads with its name', async (fileName) => {
    const { action } = await import('../../app/routes/listings.$id_.attachments')
    const { org, cookie } = await adminOfNewOrganisation()
    const listing = await createListing(org.id)
    const form = new FormData()
    const bytes = new Uint8Array(64)
    bytes.set([0x25, 0x50, 0x44, 0x46])
    form.append('file', new File([bytes], fileName, { type: 'application/pdf' }))
    const request = post(`/listings/${listing.id}/attachments`, cookie, 'zh-CN', form)
    const { status } = await statusAndBody(() => action({ request, params: { id: String(listing.id) }, context: {} }))
    expect(status).toBe(302)
    const stored = await db.select().from(listingAttachments).where(eq(listingAttachments.listingId, listing.id))
    expect(stored.map((a) => a.fileName)).toEqual([fileName])
  })
})
