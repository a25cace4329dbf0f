import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../app/db.server'
import { action as membersAction } from '../../app/routes/orgs.$id_.members'
import { invitations, mailOutbox } from '../../db/schema'
import { createOrganisation } from '../factories'
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
      })) as { linksOff: boolean }
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
