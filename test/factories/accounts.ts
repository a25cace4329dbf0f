import { db } from '../../app/db.server'
import { hashPassword } from '../../app/domain/accounts/password.server'
import { actorFrom, createUserSession, getSessionUser } from '../../app/domain/accounts/session.server'
import type { Actor } from '../../app/domain/actor'
import { memberships, users } from '../../db/schema'
import { createOrganisation, type OrganisationOverrides } from './index'

export const DEFAULT_PASSWORD = 'Shanxi2026jcj'

let n = 0

export async function createUser(overrides: Partial<typeof users.$inferInsert> & { password?: string } = {}) {
  n++
  const { password = DEFAULT_PASSWORD, ...values } = overrides
  const [user] = await db
    .insert(users)
    .values({
      email: `user${n}-${Date.now()}@demo.jcj.example.cn`,
      name: `测试用户${n}`,
      passwordHash: await hashPassword(password),
      emailConfirmedAt: new Date(),
      ...values,
    })
    .returning()
  return user!
}

export async function addMember(userId: number, organisationId: number, role: 'admin' | 'member' = 'member') {
  await db.insert(memberships).values({ userId, organisationId, role })
}

/** A signed-in session: the Cookie header a browser would send, and the actor it resolves to. */
export async function signIn(userId: number, organisationId: number | null = null) {
  const setCookie = await createUserSession({ userId, activeOrganisationId: organisationId })
  const cookie = setCookie.split(';')[0]!
  const request = new Request('http://localhost/', { headers: { Cookie: cookie } })
  const actor: Actor = actorFrom(await getSessionUser(request))
  return { cookie, actor }
}

/** A new user who belongs to the organisation, signed in with it active. */
export async function signInMember(
  organisationId: number,
  role: 'admin' | 'member' = 'member',
  overrides: Parameters<typeof createUser>[0] = {},
) {
  const user = await createUser(overrides)
  await addMember(user.id, organisationId, role)
  return { user, ...(await signIn(user.id, organisationId)) }
}

/** A new organisation and a member signed in to it, for tests that act as one ordinary member. */
export async function memberOfNewOrganisation(overrides: OrganisationOverrides = {}) {
  const org = await createOrganisation(overrides)
  return { org, actor: (await signInMember(org.id)).actor }
}
