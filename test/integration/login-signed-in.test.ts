import { describe, expect, it } from 'vitest'
import { loader } from '../../app/routes/login'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

/** Where GET /login sends someone who is signed in already. */
async function landing(cookie: string, query = '') {
  const thrown = await loader({
    request: new Request(`http://localhost/login${query}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }).catch((response: unknown) => response)
  expect(thrown).toBeInstanceOf(Response)
  return (thrown as Response).headers.get('Location')
}

describe('the login page for someone already signed in', () => {
  it('sends them where signing in would have (their dashboard, or the page they were sent from), never back to /login', async () => {
    const org = await createOrganisation()
    const user = await createUser()
    await addMember(user.id, org.id)
    const { cookie } = await signIn(user.id, org.id)
    // The language switch on a login page still on screen as sign-in completes posts redirectTo=/login.
    expect(await landing(cookie)).toBe('/dashboard')
    expect(await landing(cookie, '?redirectTo=/listings/12')).toBe('/listings/12')
    expect(await landing(cookie, '?redirectTo=/login?redirectTo=/login')).toBe('/dashboard')
    expect(await landing(cookie, '?redirectTo=//evil.example')).toBe('/dashboard')
  })

  it('shows the form to everyone else', async () => {
    expect(await loader({ request: new Request('http://localhost/login'), params: {}, context: {} })).toBeNull()
  })
})
