import { desc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../app/db.server'
import { action as membersAction } from '../../app/routes/orgs.$id_.members'
import { invitations, mailOutbox, savedSearches } from '../../db/schema'
import { createOrganisation } from '../factories'
import { createMatchParties } from '../factories/matches'
import { addMember, createUser, signIn } from '../factories/accounts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('invitation links', () => {
  it('are never built from a forged Host: no invitation is stored and nothing is mailed', async () => {
    const org = await createOrganisation()
    const admin = await createUser()
    await addMember(admin.id, org.id, 'admin')
    const { cookie } = await signIn(admin.id, org.id)
    const request = new Request(`http://attacker.example/orgs/${org.id}/members`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body: new URLSearchParams({ intent: 'invite', email: 'victim@demo.jcj.example.cn', role: 'admin' }),
    })
    const response = (await membersAction({ request, params: { id: String(org.id) }, context: {} }).catch((e: unknown) => e)) as Response
    expect(response.status).toBe(503)
    expect(await db.select().from(invitations).where(eq(invitations.organisationId, org.id))).toEqual([])
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'victim@demo.jcj.example.cn'))).toEqual([])
  })
})

describe('in production without PUBLIC_URL', () => {
  it('the admin mailbox says that reset and invitation mail is not sent', async () => {
    const admin = await createUser({ platformRole: 'admin' })
    const { cookie } = await signIn(admin.id)
    const load = async () => {
      vi.resetModules()
      const { loader } = await import('../../app/routes/admin.mailbox')
      const data = (await loader({
        request: new Request('http://localhost/admin/mailbox', { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      })) as { linksOff: boolean; alertsOff: boolean }
      return data.linksOff
    }
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PUBLIC_URL', '')
    vi.stubEnv('ALLOWED_HOSTS', '')
    expect(await load()).toBe(true)
    vi.stubEnv('PUBLIC_URL', 'https://jcj.example.cn')
    expect(await load()).toBe(false)
  })
})

describe('search alerts in production without PUBLIC_URL', () => {
  // Sent by a job with no request, so neither a loopback visit nor ALLOWED_HOSTS gives their links an origin.
  const production = (env: { PUBLIC_URL?: string; ALLOWED_HOSTS?: string } = {}) => {
    vi.resetModules()
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PUBLIC_URL', env.PUBLIC_URL ?? '')
    vi.stubEnv('ALLOWED_HOSTS', env.ALLOWED_HOSTS ?? '')
  }
  const QUERY = 'q=机电一体化&city=jinzhong'

  it('cannot be saved, by a visitor on this machine or a signed-in user: the form says why, nothing is stored or mailed', async () => {
    production()
    const email = 'alert.visitor@demo.jcj.example.cn'
    const { action } = await import('../../app/routes/search')
    const response = (await action({
      request: new Request('http://localhost/search?q=机电一体化', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'lang=zh-CN' },
        body: new URLSearchParams({ query: QUERY, email }),
      }),
      params: {},
      context: {},
    })) as Response
    expect(response.status).toBe(503)
    expect(JSON.stringify(await response.json())).toContain('搜索提醒暂未开通')
    expect(await db.select().from(savedSearches).where(eq(savedSearches.email, email))).toEqual([])
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).toEqual([])

    const user = await createUser()
    const { actor } = await signIn(user.id)
    const { saveSearch } = await import('../../app/domain/alerts/saved-searches.server')
    await expect(saveSearch({ actor, query: QUERY, address: '10.30.0.1', confirmUrl: (t) => t })).rejects.toMatchObject({
      code: 'unavailable',
      messageKey: 'alerts.save.off',
    })
    expect(await db.select().from(savedSearches).where(eq(savedSearches.email, user.email))).toEqual([])
  })

  it('the search page and the admin mailbox say they are off, also when ALLOWED_HOSTS makes account mail work', async () => {
    const admin = await createUser({ platformRole: 'admin' })
    const { cookie } = await signIn(admin.id)
    const state = async () => {
      const mailbox = await import('../../app/routes/admin.mailbox')
      const search = await import('../../app/routes/search')
      const request = (path: string) => new Request(`http://jcj.example.cn${path}`, { headers: { Cookie: cookie } })
      const box = (await mailbox.loader({ request: request('/admin/mailbox'), params: {}, context: {} })) as {
        linksOff: boolean
        alertsOff: boolean
      }
      const page = (await search.loader({ request: request('/search?q=机电一体化'), params: {}, context: {} })) as { alertsOff: boolean }
      return { linksOff: box.linksOff, alertsOff: box.alertsOff, searchPage: page.alertsOff }
    }
    production({ ALLOWED_HOSTS: 'jcj.example.cn' })
    expect(await state()).toEqual({ linksOff: false, alertsOff: true, searchPage: true })
    production({ PUBLIC_URL: 'https://jcj.example.cn' })
    expect(await state()).toEqual({ linksOff: false, alertsOff: false, searchPage: false })
  })
})

describe('cooperation mail in production without PUBLIC_URL', () => {
  // Sent from inside a transaction with no request to go by: a localhost link would lead the recipient nowhere.
  const latestMailTo = async (email: string) =>
    (await db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id)).limit(1))[0]!

  it('says what happened and where to look, with no link; with PUBLIC_URL it links to the match', async () => {
    const parties = await createMatchParties()
    vi.resetModules()
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PUBLIC_URL', '')
    const { startMatch } = await import('../../app/domain/matches/mutations.server')
    const { id } = await startMatch({ actor: parties.colActor, listingId: parties.listing.id, message: '您好，想联系实习。' })
    const offline = await latestMailTo(parties.enterpriseUser.email)
    expect(offline.text).toContain('发起了合作意向')
    expect(offline.text).toContain('请登录晋产教，在“我的合作”中查看详情')
    expect(offline.text).not.toMatch(/https?:\/\//)

    vi.resetModules()
    vi.stubEnv('PUBLIC_URL', 'https://jcj.example.cn')
    const { postMessage } = await import('../../app/domain/matches/mutations.server')
    await postMessage({ actor: parties.colActor, matchId: id, body: '补充：共 20 名学生。' })
    const online = await latestMailTo(parties.enterpriseUser.email)
    expect(online.text).toContain(`https://jcj.example.cn/matches/${id}`)
    expect(online.text).toContain('https://jcj.example.cn/notifications')
  })
})
