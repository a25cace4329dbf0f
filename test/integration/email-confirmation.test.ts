import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { resendConfirmation } from '../../app/domain/accounts/email-confirmation.server'
import { CLIENT_ADDRESS_HEADER } from '../../app/domain/rate-limit.server'
import { getSessionUser } from '../../app/domain/accounts/session.server'
import { authenticate, completePasswordReset, requestPasswordReset } from '../../app/domain/accounts/sign-in.server'
import { acceptInvitation, inviteMember } from '../../app/domain/orgs/members.server'
import { action as confirmAction, loader as confirmLoader } from '../../app/routes/confirm-email_.$token'
import { action as loginAction } from '../../app/routes/login'
import { action as registerAction } from '../../app/routes/register'
import { emailConfirmations, mailOutbox, memberships, organisations, users } from '../../db/schema'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'
import { registrationForm } from '../factories/forms'
import { generateCreditCode } from '../../db/reference/credit-code'

const PASSWORD = 'Meiji2026Shanxi'
let registrations = 0

function registerRequest(email: string, host = 'localhost', lang = 'zh-CN') {
  const form = {
    ...registrationForm({ name: `晋中示例确认邮箱装备有限公司${++registrations}`, email }),
    creditCode: generateCreditCode(Math.random, { cityCode: 'jinzhong' }),
  }
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v)
  return new Request(`http://${host}/register`, {
    method: 'POST',
    // Each from its own address, so the per-address registration limit stays out of these tests.
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: `lang=${lang}`,
      [CLIENT_ADDRESS_HEADER]: `10.9.0.${registrations}`,
    },
    body,
  })
}

const register = async (email: string, lang?: string) =>
  (await registerAction({ request: registerRequest(email, 'localhost', lang), params: {}, context: {} })) as Response

const mailTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(mailOutbox.id)

async function confirmationToken(email: string) {
  const mail = await mailTo(email)
  const match = mail.at(-1)?.text.match(/\/confirm-email\/([\w-]{20,})/)
  if (!match) throw new Error(`no confirmation link mailed to ${email}`)
  return match[1]!
}

const confirm = async (token: string) =>
  (await confirmAction({
    request: new Request(`http://localhost/confirm-email/${token}`, { method: 'POST' }),
    params: { token },
    context: {},
  })) as Response

const signInWith = (email: string, password = PASSWORD) =>
  loginAction({
    request: new Request('http://localhost/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }),
    }),
    params: {},
    context: {},
  }) as Promise<Response>

describe('registering with an email that already has an account', () => {
  it('answers exactly as a new email does, creates nothing, and tells only that mailbox', async () => {
    const existing = await createUser({ email: 'zhao.li@demo.jcj.example.cn', name: '赵丽' })
    const fresh = await register('new.user@demo.jcj.example.cn')
    const orgsBefore = (await db.select().from(organisations)).length
    const taken = await register(existing.email)

    expect(taken.status).toBe(fresh.status)
    expect(taken.headers.get('Set-Cookie')).toBe(fresh.headers.get('Set-Cookie'))
    expect(await taken.json()).toEqual({ sent: existing.email })
    expect(await fresh.json()).toEqual({ sent: 'new.user@demo.jcj.example.cn' })
    expect(await db.select().from(organisations)).toHaveLength(orgsBefore)
    expect(await db.select().from(users).where(eq(users.email, existing.email))).toHaveLength(1)

    const [notice] = await mailTo(existing.email)
    expect(notice!.subject).toBe('【晋产教】有人尝试用此邮箱注册 / Someone tried to register with this email')
    expect(notice!.text).toContain('有人尝试用此邮箱注册；此邮箱已有晋产教账号，未创建新账号。请直接登录或重置密码')
    expect(notice!.text).toContain('http://localhost/login')
    expect(notice!.text).toContain('http://localhost/forgot-password')
    expect(notice!.text).not.toMatch(/confirm-email/)
    const [confirmation] = await mailTo('new.user@demo.jcj.example.cn')
    expect(confirmation!.subject).toContain('确认您的邮箱')
  })

  it('the same answer in English, whose page reads “We have sent a confirmation mail to …”', async () => {
    const existing = await createUser()
    const response = await register(existing.email, 'en')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ sent: existing.email })
  })

  it('a registration from a forged Host mails no link to it: the confirmation points at the configured origin only', async () => {
    const email = 'forged.host@demo.jcj.example.cn'
    const response = (await registerAction({ request: registerRequest(email, 'attacker.example'), params: {}, context: {} }).catch(
      (e: unknown) => e,
    )) as Response
    expect(response.status).toBe(503)
    expect(await mailTo(email)).toEqual([])
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([])
  })
})

describe('a new account', () => {
  it('cannot sign in before its email is confirmed; only the right password learns why, and is offered a new link', async () => {
    const email = 'sun.wei@demo.jcj.example.cn'
    await register(email)
    await expect(authenticate({ email, password: PASSWORD, address: '10.1.0.1' })).rejects.toMatchObject({
      messageKey: 'auth.login.unconfirmed',
    })
    const right = await signInWith(email)
    expect(right.status).toBe(400)
    expect(right.headers.get('Set-Cookie')).toBeNull()
    const rightBody = (await right.json()) as { error: Record<string, string[]>; unconfirmedEmail?: string }
    expect(rightBody.error['']).toEqual(['此账号的邮箱尚未确认，请先打开确认邮件中的链接。'])
    expect(rightBody.unconfirmedEmail).toBe(email)

    const wrong = (await (await signInWith(email, 'Wrong2026password')).json()) as {
      error: Record<string, string[]>
      unconfirmedEmail?: string
    }
    const unknown = (await (await signInWith('nobody.here@demo.jcj.example.cn')).json()) as typeof wrong
    expect(wrong.error).toEqual(unknown.error)
    expect(wrong.error['']).toEqual(['邮箱或密码不正确'])
    expect(wrong.unconfirmedEmail).toBeUndefined()
  })

  it('is confirmed and signed in by its link, which then cannot be used again', async () => {
    const email = 'qian.hong@demo.jcj.example.cn'
    await register(email)
    const token = await confirmationToken(email)
    const page = (await confirmLoader({
      request: new Request(`http://localhost/confirm-email/${token}`),
      params: { token },
      context: {},
    })) as {
      pending: { email: string } | null
    }
    // Opening the page confirms nothing (mail scanners follow links).
    expect(page.pending).toEqual({ email })
    const [before] = await db.select().from(users).where(eq(users.email, email))
    expect(before!.emailConfirmedAt).toBeNull()

    const response = await confirm(token)
    expect(response.status).toBe(302)
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, before!.id))
    expect(response.headers.get('Location')).toBe(`/orgs/${membership!.organisationId}/verification?registered=1`)
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
    const session = await getSessionUser(new Request('http://localhost/', { headers: { Cookie: cookie } }))
    expect(session).toMatchObject({ userId: before!.id, activeOrganisationId: membership!.organisationId })
    expect(await authenticate({ email, password: PASSWORD, address: '10.1.0.2' })).toEqual({ userId: before!.id })

    const again = await confirm(token)
    expect(again.status).toBe(400)
    expect(again.headers.get('Set-Cookie')).toBeNull()
    const reopened = (await confirmLoader({
      request: new Request(`http://localhost/confirm-email/${token}`),
      params: { token },
      context: {},
    })) as {
      pending: unknown
    }
    expect(reopened.pending).toBeNull()
  })

  it('an expired link confirms nothing and signs nobody in; a resent one works and spends the older', async () => {
    const email = 'li.ming@demo.jcj.example.cn'
    await register(email)
    const old = await confirmationToken(email)
    const [user] = await db.select().from(users).where(eq(users.email, email))
    await db
      .update(emailConfirmations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailConfirmations.userId, user!.id))
    const expired = await confirm(old)
    expect(expired.status).toBe(400)
    expect(expired.headers.get('Set-Cookie')).toBeNull()
    expect((await db.select().from(users).where(eq(users.id, user!.id)))[0]!.emailConfirmedAt).toBeNull()

    await resendConfirmation({ email, address: '10.1.0.3', confirmUrl: (t) => `http://localhost/confirm-email/${t}` })
    const fresh = await confirmationToken(email)
    expect(fresh).not.toBe(old)
    await resendConfirmation({ email, address: '10.1.0.3', confirmUrl: (t) => `http://localhost/confirm-email/${t}` })
    const newest = await confirmationToken(email)
    expect((await confirm(newest)).status).toBe(302)
    // Confirming spent every link of the account, the unexpired older one too.
    expect((await confirm(fresh)).status).toBe(400)
  })

  it('resending is limited per email, the same way whether or not the email has an unconfirmed account', async () => {
    const email = 'zhou.jie@demo.jcj.example.cn'
    await register(email)
    const confirmed = await createUser()
    const resend = (address: string, to: string) => resendConfirmation({ email: to, address, confirmUrl: (t) => `http://localhost/c/${t}` })
    // Registering counted once; two more mails this hour, then the limit, from any address.
    await resend('10.2.0.1', email)
    await resend('10.2.0.2', email)
    await expect(resend('10.2.0.3', email)).rejects.toMatchObject({ code: 'rate_limited', messageKey: 'auth.confirm.tooMany' })
    expect((await mailTo(email)).length).toBe(3)
    for (const to of ['never.registered@demo.jcj.example.cn', confirmed.email]) {
      for (let i = 0; i < 3; i++) await resend(`10.3.0.${i}`, to)
      await expect(resend('10.3.0.9', to)).rejects.toMatchObject({ code: 'rate_limited', messageKey: 'auth.confirm.tooMany' })
      expect(await mailTo(to)).toEqual([])
    }
  })

  it('registering again and again with a known email answers the same each time, and its mailbox gets at most three notices an hour', async () => {
    const existing = await createUser()
    for (let i = 0; i < 5; i++) {
      const response = await register(existing.email)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ sent: existing.email })
    }
    expect(await mailTo(existing.email)).toHaveLength(3)
  })
})

describe('other ways an email is proven', () => {
  it('registering through an invitation for the invited email counts as confirmed', async () => {
    const org = await createOrganisation()
    const admin = await createUser()
    await addMember(admin.id, org.id, 'admin')
    let token = ''
    const email = 'invited.new@demo.jcj.example.cn'
    await inviteMember({
      actor: (await signIn(admin.id, org.id)).actor,
      organisationId: org.id,
      email,
      role: 'member',
      acceptUrl: (t) => (token = t),
    })
    const { userId } = await acceptInvitation({ token, actor: { kind: 'anonymous' }, newAccount: { name: '吴敏', password: PASSWORD } })
    expect(await authenticate({ email, password: PASSWORD, address: '10.4.0.1' })).toEqual({ userId })
  })

  it('completing a password reset confirms the email (the reset link went to that mailbox)', async () => {
    const email = 'zheng.yu@demo.jcj.example.cn'
    await register(email)
    let token = ''
    await requestPasswordReset({ email, address: '10.5.0.1', resetUrl: (t) => (token = t) })
    await completePasswordReset({ token, password: 'Taiyuan2026reset' })
    const [user] = await db.select().from(users).where(eq(users.email, email))
    expect(await authenticate({ email, password: 'Taiyuan2026reset', address: '10.5.0.2' })).toEqual({ userId: user!.id })
  })
})
