import { describe, expect, it } from 'vitest'
import {
  addListingAttachment,
  getListingAttachment,
  listListingAttachments,
  removeListingAttachment,
} from '../../app/domain/listings/attachments.server'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

const pdf = (size = 1024) => {
  const bytes = new Uint8Array(size)
  bytes.set([0x25, 0x50, 0x44, 0x46])
  return { name: '实习安全手册.pdf', size, bytes }
}

describe('listing attachments', () => {
  it('members attach PDFs within limits; everyone who sees the listing can open them', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const user = await createUser()
    await addMember(user.id, org.id)
    const { actor } = await signIn(user.id, org.id)
    expect(await addListingAttachment({ actor, listingId: listing.id, file: pdf() })).toEqual({ ok: true })
    expect(
      await addListingAttachment({
        actor,
        listingId: listing.id,
        file: { name: 'virus.exe', size: 10, bytes: new Uint8Array([0x4d, 0x5a, 0, 0, 0, 0, 0, 0, 0, 0]) },
      }),
    ).toEqual({
      ok: false,
      message: '只接受 PDF、JPG 或 PNG 文件',
      code: 'type',
    })
    expect(await addListingAttachment({ actor, listingId: listing.id, file: pdf(11 * 1024 * 1024) })).toEqual({
      ok: false,
      message: '文件不能超过 10 MB',
      code: 'tooLarge',
    })
    for (let i = 0; i < 4; i++) await addListingAttachment({ actor, listingId: listing.id, file: pdf() })
    expect(await addListingAttachment({ actor, listingId: listing.id, file: pdf() })).toEqual({
      ok: false,
      message: '每条最多 5 个附件',
      code: 'limit',
    })

    const [first] = await listListingAttachments(listing.id)
    expect(await getListingAttachment({ actor: { kind: 'anonymous' }, id: first!.id })).toMatchObject({ fileName: '实习安全手册.pdf' })

    const stranger = (await signIn((await createUser()).id)).actor
    await expect(addListingAttachment({ actor: stranger, listingId: listing.id, file: pdf() })).rejects.toMatchObject({ status: 403 })
    await expect(removeListingAttachment({ actor: stranger, id: first!.id })).rejects.toMatchObject({ status: 403 })
    await removeListingAttachment({ actor, id: first!.id })
    expect(await listListingAttachments(listing.id)).toHaveLength(4)
  })

  it('an attachment of a draft is hidden from outsiders', async () => {
    const org = await createOrganisation()
    const draft = await createListing(org.id, { status: 'draft', publishedAt: null })
    const user = await createUser()
    await addMember(user.id, org.id)
    const { actor } = await signIn(user.id, org.id)
    await addListingAttachment({ actor, listingId: draft.id, file: pdf() })
    const [attachment] = await listListingAttachments(draft.id)
    expect(await getListingAttachment({ actor: { kind: 'anonymous' }, id: attachment!.id })).toBeNull()
  })
})

describe('the upload error shown on the listing page', () => {
  it('comes from a code the page knows; any other text in the URL is not shown', async () => {
    const { loader } = await import('../../app/routes/listings.$id')
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const load = async (value: string) => {
      const url = `http://localhost/listings/${listing.id}?attachmentError=${encodeURIComponent(value)}`
      const data = (await loader({ request: new Request(url), params: { id: String(listing.id) }, context: {} })) as {
        attachmentError: string | null
      }
      return data.attachmentError
    }
    expect(await load('您的账号已被冻结，请拨打 400-000-0000')).toBeNull()
    expect(await load('security.attachmentError.limit|{"n":"请拨打 400"}')).toBeNull()
    expect(await load('constructor')).toBeNull()
    expect(await load('limit')).toBe('security.attachmentError.limit|{"n":5}')
  })
})
