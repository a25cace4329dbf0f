import { describe, expect, it } from 'vitest'
import { loader } from '../../app/routes/dashboard'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

/** Where /dashboard (the page sign-in goes to by default) sends a user without an organisation to act for. */
async function landingOf(cookie: string) {
  try {
    await loader({ request: new Request('http://localhost/dashboard', { headers: { Cookie: cookie } }), params: {}, context: {} })
    return '/dashboard'
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return thrown.headers.get('Location')
    throw thrown
  }
}

describe('where each role lands after signing in', () => {
  it('a platform admin lands on the verification queue, a member on the dashboard, a user without an organisation on the account page', async () => {
    const admin = await createUser({ platformRole: 'admin' })
    expect(await landingOf((await signIn(admin.id)).cookie)).toBe('/admin/verification')

    const org = await createOrganisation()
    const member = await createUser()
    await addMember(member.id, org.id)
    expect(await landingOf((await signIn(member.id, org.id)).cookie)).toBe('/dashboard')

    const loner = await createUser()
    expect(await landingOf((await signIn(loner.id)).cookie)).toBe('/account')
  })
})
