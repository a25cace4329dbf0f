import { describe, expect, it } from 'vitest'
import { action as listingAction } from '../../app/routes/listings.$id'
import { action as membersAction } from '../../app/routes/orgs.$id_.members'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

/**
 * Every form action answers one way: a Conform reply with the message beside its field (or above
 * the form) in the reader's language and the right status, or a redirect when it worked.
 */
const post = (path: string, cookie: string, body: Record<string, string>, lang = 'zh-CN') =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { Cookie: `${cookie}; lang=${lang}` },
    body: new URLSearchParams(body),
  })

async function answer(call: () => Promise<unknown>) {
  const response = (await call().catch((thrown: unknown) => thrown)) as Response
  expect(response).toBeInstanceOf(Response)
  return response
}

async function adminOf() {
  const org = await createOrganisation()
  const admin = await createUser()
  await addMember(admin.id, org.id, 'admin')
  return { org, admin, cookie: (await signIn(admin.id, org.id)).cookie }
}

describe('form actions answer with one shape', () => {
  it('the last administrator stepping down gets 409 and the reason above the list', async () => {
    const { org, admin, cookie } = await adminOf()
    const request = post(`/orgs/${org.id}/members`, cookie, { intent: 'role', userId: String(admin.id), role: 'member' })
    const response = await answer(() => membersAction({ request, params: { id: String(org.id) }, context: {} }))
    expect(response.status).toBe(409)
    const reply = await response.json()
    expect(reply.status).toBe('error')
    expect(reply.error['']).toEqual(['机构至少需要保留一名管理员'])
    expect(reply.initialValue).toMatchObject({ intent: 'role', userId: String(admin.id) })
  })

  it('inviting someone already in the organisation is refused beside the email field, in English for an English reader', async () => {
    const { org, cookie } = await adminOf()
    const colleague = await createUser()
    await addMember(colleague.id, org.id)
    const request = post(`/orgs/${org.id}/members`, cookie, { intent: 'invite', email: colleague.email, role: 'member' }, 'en')
    const response = await answer(() => membersAction({ request, params: { id: String(org.id) }, context: {} }))
    expect(response.status).toBe(409)
    const reply = await response.json()
    expect(reply.error.email).toEqual(['This person is already a member of the organisation.'])
    expect(reply.initialValue.email).toBe(colleague.email)
  })

  it('a successful invitation redirects back to the list, which then says who was invited', async () => {
    const { org, cookie } = await adminOf()
    const request = post(`/orgs/${org.id}/members`, cookie, {
      intent: 'invite',
      email: 'new.colleague@demo.jcj.example.cn',
      role: 'member',
    })
    const response = await answer(() => membersAction({ request, params: { id: String(org.id) }, context: {} }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(
      `/orgs/${org.id}/members?invited=${encodeURIComponent('new.colleague@demo.jcj.example.cn')}`,
    )
  })

  it('an action the listing’s status does not allow gets 409 above the form; an outsider gets the 403 page', async () => {
    const { org, cookie } = await adminOf()
    const draft = await createListing(org.id, { status: 'draft', publishedAt: null })
    const request = post(`/listings/${draft.id}`, cookie, { intent: 'pause' })
    const response = await answer(() => listingAction({ request, params: { id: String(draft.id) }, context: {} }))
    expect(response.status).toBe(409)
    expect((await response.json()).error['']).toEqual(['当前状态下不能执行此操作'])

    const outsider = (await signIn((await createUser()).id)).cookie
    const refused = await answer(() =>
      listingAction({
        request: post(`/listings/${draft.id}`, outsider, { intent: 'close' }),
        params: { id: String(draft.id) },
        context: {},
      }),
    )
    expect(refused.status).toBe(403)
    expect(await refused.text()).toBe('您不是该机构的成员')
  })

  it('an unknown intent is a 400 form message, never a 500', async () => {
    const { org, cookie } = await adminOf()
    const listing = await createListing(org.id)
    const response = await answer(() =>
      listingAction({
        request: post(`/listings/${listing.id}`, cookie, { intent: 'explode' }),
        params: { id: String(listing.id) },
        context: {},
      }),
    )
    expect(response.status).toBe(400)
    expect((await response.json()).error['']).toEqual(['未知的操作'])
  })
})
