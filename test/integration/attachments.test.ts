import { uploadedFromBytes } from '../../app/domain/files/uploads.server'
import { describe, expect, it } from 'vitest'
import {
  addListingAttachment,
  getListingAttachment,
  listListingAttachments,
  removeListingAttachment,
} from '../../app/domain/listings/attachments.server'
import { createListing, createOrganisation } from '../factories'
import { createUser, signIn, signInMember } from '../factories/accounts'

const pdf = (size = 1024) => {
  const bytes = new Uint8Array(size)
  bytes.set([0x25, 0x50, 0x44, 0x46])
  return uploadedFromBytes({ name: '实习安全手册.pdf', bytes })
}

describe('listing attachments', () => {
  it('members attach PDFs within limits; everyone who sees the listing can open them', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const { actor } = await signInMember(org.id)
    await addListingAttachment({ actor, listingId: listing.id, file: pdf() })
    await expect(
      addListingAttachment({
        actor,
        listingId: listing.id,
        file: uploadedFromBytes({ name: 'virus.exe', bytes: new Uint8Array([0x4d, 0x5a, 0, 0, 0, 0, 0, 0, 0, 0]) }),
      }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'file', messageKey: 'domain.fileType' })
    await expect(addListingAttachment({ actor, listingId: listing.id, file: pdf(11 * 1024 * 1024) })).rejects.toMatchObject({
      messageKey: 'attachments.tooBig',
      vars: { mb: 10 },
    })
    for (let i = 0; i < 4; i++) await addListingAttachment({ actor, listingId: listing.id, file: pdf() })
    await expect(addListingAttachment({ actor, listingId: listing.id, file: pdf() })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'domain.attachmentLimit',
      vars: { n: 5 },
    })

    const [first] = await listListingAttachments({ actor, listingId: listing.id })
    expect(await getListingAttachment({ actor: { kind: 'anonymous' }, id: first!.id })).toMatchObject({ fileName: '实习安全手册.pdf' })

    const stranger = (await signIn((await createUser()).id)).actor
    await expect(addListingAttachment({ actor: stranger, listingId: listing.id, file: pdf() })).rejects.toMatchObject({ status: 403 })
    await expect(removeListingAttachment({ actor: stranger, id: first!.id })).rejects.toMatchObject({ status: 403 })
    await removeListingAttachment({ actor, id: first!.id })
    expect(await listListingAttachments({ actor, listingId: listing.id })).toHaveLength(4)
  })

  it('an attachment of a draft is hidden from outsiders', async () => {
    const org = await createOrganisation()
    const draft = await createListing(org.id, { status: 'draft', publishedAt: null })
    const { actor } = await signInMember(org.id)
    await addListingAttachment({ actor, listingId: draft.id, file: pdf() })
    const [attachment] = await listListingAttachments({ actor, listingId: draft.id })
    await expect(getListingAttachment({ actor: { kind: 'anonymous' }, id: attachment!.id })).rejects.toMatchObject({ status: 404 })
    await expect(listListingAttachments({ actor: { kind: 'anonymous' }, listingId: draft.id })).rejects.toMatchObject({ status: 404 })
  })
})
