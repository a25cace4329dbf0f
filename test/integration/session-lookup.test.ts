import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDatabaseHandle } from '../../app/db.server'
import { getSessionUser, signOut } from '../../app/domain/accounts/session.server'
import { createOrganisation } from '../factories'
import { signInMember } from '../factories/accounts'

afterEach(() => vi.restoreAllMocks())

function countSelects() {
  const real = getDatabaseHandle().db
  return vi.spyOn(real, 'select')
}

/**
 * The root loader and the page's loader both ask who is signed in, at once, each with its own copy of
 * the request (Remix strips its own search parameters into a new Request per loader).
 */
describe('who is signed in, once per page', () => {
  it('joins a lookup under way for the same cookies instead of querying again', async () => {
    const org = await createOrganisation()
    const { cookie, user } = await signInMember(org.id)
    const request = () => new Request('http://localhost/listings/1', { headers: { Cookie: cookie } })
    const selects = countSelects()
    const [root, page] = await Promise.all([getSessionUser(request()), getSessionUser(request())])
    expect(root?.userId).toBe(user.id)
    expect(page?.userId).toBe(user.id)
    // The session with its user, then the memberships: once for both loaders.
    expect(selects).toHaveBeenCalledTimes(2)
  })

  it('looks again for a later request, so a session signed out is gone at once', async () => {
    const org = await createOrganisation()
    const { cookie, user } = await signInMember(org.id)
    const request = () => new Request('http://localhost/', { headers: { Cookie: cookie } })
    expect((await getSessionUser(request()))?.userId).toBe(user.id)
    const selects = countSelects()
    expect((await getSessionUser(request()))?.userId).toBe(user.id)
    expect(selects).toHaveBeenCalledTimes(2)
    await signOut(request())
    expect(await getSessionUser(request())).toBeNull()
  })

  it('keeps different visitors apart when they arrive together', async () => {
    const org = await createOrganisation()
    const first = await signInMember(org.id)
    const second = await signInMember(org.id)
    const [a, b, none] = await Promise.all([
      getSessionUser(new Request('http://localhost/', { headers: { Cookie: first.cookie } })),
      getSessionUser(new Request('http://localhost/', { headers: { Cookie: second.cookie } })),
      getSessionUser(new Request('http://localhost/')),
    ])
    expect(a?.userId).toBe(first.user.id)
    expect(b?.userId).toBe(second.user.id)
    expect(none).toBeNull()
  })
})
