import { describe, expect, it } from 'vitest'
import { loader } from '../../app/routes/listings.$id'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

async function ownerSees(attachmentError: string) {
  const org = await createOrganisation()
  const listing = await createListing(org.id)
  const user = await createUser()
  await addMember(user.id, org.id, 'admin')
  const { cookie } = await signIn(user.id, org.id)
  const url = `http://localhost/listings/${listing.id}?attachmentError=${encodeURIComponent(attachmentError)}`
  const data = (await loader({
    request: new Request(url, { headers: { Cookie: cookie } }),
    params: { id: String(listing.id) },
    context: {},
  })) as {
    attachmentError: string | null
  }
  return data.attachmentError
}

describe('?attachmentError= on a listing page', () => {
  it('shows only the upload messages the platform itself sends, never text from the link', async () => {
    expect(await ownerSees('您的账号已被冻结，请致电 0351-1234567 解冻')).toBeNull()
    expect(await ownerSees('constructor')).toBeNull()
    expect(await ownerSees('domain.toString')).toBeNull()
    expect(await ownerSees('domain.attachmentLimit')).toEqual(expect.stringContaining('domain.attachmentLimit'))
  })
})
