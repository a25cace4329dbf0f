import { describe, expect, it } from 'vitest'
import { createListing, createOrganisation } from '../factories'
import { signInMember } from '../factories/accounts'

/** What a route answers: its status, or the status of the Response it throws. Anything else thrown is a 500. */
async function statusOf(call: () => Promise<unknown>) {
  try {
    const result = await call()
    return result instanceof Response ? result.status : 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('prototype names used as keys are ordinary bad input, not 500s', () => {
  it('/import/template/constructor and friends are 404', async () => {
    const { loader } = await import('../../app/routes/import_.template.$type')
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(
        await statusOf(() => loader({ request: new Request(`http://localhost/import/template/${type}`), params: { type }, context: {} })),
      ).toBe(404)
  })

  it('/listings/new?type=toString shows the type chooser', async () => {
    const { loader } = await import('../../app/routes/listings.new')
    const org = await createOrganisation()
    const { cookie } = await signInMember(org.id, 'admin')
    const request = new Request('http://localhost/listings/new?type=toString', { headers: { Cookie: cookie } })
    const data = (await loader({ request, params: {}, context: {} })) as { type: string | null }
    expect(data.type).toBeNull()
  })

  it('intent=constructor on a listing is a 400', async () => {
    const { action } = await import('../../app/routes/listings.$id')
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const { cookie } = await signInMember(org.id, 'admin')
    for (const intent of ['constructor', 'toString', '__proto__']) {
      const request = new Request(`http://localhost/listings/${listing.id}`, {
        method: 'POST',
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent }),
      })
      expect(await statusOf(() => action({ request, params: { id: String(listing.id) }, context: {} }))).toBe(400)
    }
  })
})
